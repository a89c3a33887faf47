#!/usr/bin/env node
// Runs every suite — lint, typecheck, unit, integration, e2e — and ends with one line
// `N passed, N failed` summing them all. Exits non-zero if anything failed.
//   node scripts/test-all.mjs [unit|integration|e2e|checks ...]   (default: all)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "test-results");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const wanted = new Set(process.argv.slice(2));
const want = (s) => wanted.size === 0 || wanted.has(s);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function check(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  const ok = r.status === 0;
  totals[ok ? "passed" : "failed"]++;
  lines.push(`${name}: ${ok ? "passed" : "FAILED"}`);
}

function vitest(project) {
  const out = path.join(outDir, `${project}.json`);
  console.log(`\n=== ${project} tests`);
  const r = spawnSync(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  let report;
  try {
    report = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    // The runner died before reporting (e.g. a global setup failed): count the suite as one failure.
    totals.failed++;
    lines.push(`${project}: FAILED before reporting (exit ${r.status})`);
    return;
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Files that failed to load report no tests; don't let them pass silently.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  if (r.status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${project}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

if (want("checks")) {
  check("lint", bin("eslint"), ["."]);
  check("typecheck", bin("tsc"), ["--noEmit"]);
}
for (const project of ["unit", "integration", "e2e"]) if (want(project)) vitest(project);

console.log("\n=== summary");
for (const l of lines) console.log(`  ${l}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
