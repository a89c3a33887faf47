#!/usr/bin/env node
// Run after `npm install`: records, as optional entries, the platform-specific optional packages that
// the registry did not serve (e.g. @next/swc-darwin-arm64 on a mirror that carries only the packages
// this machine's platform uses). `npm install` silently drops optional packages it cannot resolve,
// and `npm ci` then calls the lockfile "out of sync" ("Missing: @next/swc-darwin-arm64@ from lock
// file"). An optional entry at the location npm's ideal tree expects satisfies `npm ci`, which then
// installs what this platform needs and skips the rest.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Arborist is npm's own tree builder: use the one of the npm that runs `npm ci`, not a second copy.
const npmRoot = path.join(path.dirname(fs.realpathSync(process.execPath)), "..", "lib", "node_modules", "npm");
const Arborist = createRequire(path.join(npmRoot, "package.json"))("@npmcli/arborist");

(async () => {
  const root = path.resolve(import.meta.dirname, "..");
  const lockPath = path.join(root, "package-lock.json");
  const virtual = await new Arborist({ path: root }).loadVirtual();
  const arb = new Arborist({ path: root });
  await arb.buildIdealTree();
  const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
  const added = [];
  for (const [location, node] of arb.idealTree.inventory.entries()) {
    if (!location || virtual.inventory.get(location) || !node.optional) continue;
    lock.packages[location] = { optional: true };
    added.push(location);
  }
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: ${added.length} optional entries added`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
