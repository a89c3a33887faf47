/**
 * Runs the inventory benchmark alone: `npx tsx bench/inventory/main.ts` (the same as
 * `npm run bench -- inventory`, which also writes bench/results/latest.json).
 */
import { spawn } from "node:child_process";
import path from "node:path";

const run = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "..", "run.ts");
const child = spawn(process.execPath, [...process.execArgv, run, "inventory"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
