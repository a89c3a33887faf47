/**
 * Runs the inventory benchmark alone: `npx tsx bench/inventory/main.ts`. Re-executes itself with
 * `--conditions=react-server` (server modules start with `import "server-only"`), as bench/run.ts does.
 */
import { spawn } from "node:child_process";

const CONDITION = "--conditions=react-server";

async function main(): Promise<number> {
  if (!process.execArgv.includes(CONDITION)) {
    const child = spawn(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], { stdio: "inherit" });
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
    return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  }
  const { runInventoryBench } = await import("./index");
  await runInventoryBench();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
