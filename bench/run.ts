/**
 * `npm run bench` runs every benchmark; `npm run bench -- graph-server inventory` runs the ones named.
 * Benchmarks print figures, their targets and ratios against a baseline measured in the same run; a
 * missed target is reported as MISSED, never as a failure (the exit code is non-zero only when a
 * benchmark could not run at all). The report goes to stdout, progress to stderr, and the figures to
 * bench/results/latest.json.
 *
 * The graph service's modules start with `import "server-only"`, which throws outside React's
 * server condition: the runner re-executes itself once with `--conditions=react-server`, as Next.js
 * runs those modules.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const CONDITION = "--conditions=react-server";

const BENCHMARKS = {
  "graph-server": async (scope: import("./lib/cleanup").Scope) => (await import("./graph-server/bench")).runGraphServer(scope),
  "graph-browser": async (scope: import("./lib/cleanup").Scope) => (await import("./graph-browser/bench")).runGraphBrowser(scope),
  bundle: async (scope: import("./lib/cleanup").Scope) => (await import("./bundle/bench")).runBundle(scope),
  inventory: async (scope: import("./lib/cleanup").Scope) => (await import("./inventory/index")).runInventoryBench(scope),
} as const;
type BenchName = keyof typeof BENCHMARKS;

function reexec(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], { stdio: "inherit" });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

async function main(): Promise<number> {
  if (!process.execArgv.includes(CONDITION)) return reexec();

  const { withScope } = await import("./lib/cleanup");
  const { formatReport, formatSection, newSection } = await import("./lib/report");
  type Section = import("./lib/report").Section;

  const args = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = args.filter((a) => !(a in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}\n`);
    return 2;
  }
  const selected = (args.length > 0 ? args : Object.keys(BENCHMARKS)) as BenchName[];
  const sections: Section[] = [];
  let failed = false;
  for (const name of selected) {
    const started = performance.now();
    const loadBefore = os.loadavg()[0]!;
    process.stderr.write(`\n=== ${name} ===\n`);
    const r = await withScope((scope) => BENCHMARKS[name](scope));
    const section = r.value ?? newSection(name, name);
    if (r.error !== undefined) {
      failed = true;
      const e = r.error;
      section.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    for (const f of r.cleanupFailures) section.notes.push(`cleanup failed: ${f}`);
    section.durationMs = performance.now() - started;
    section.notes.push(
      `Machine load average (1 min) at start / end: ${loadBefore.toFixed(1)} / ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: other work on this machine inflates absolute times; ratios are measured interleaved.`,
    );
    sections.push(section);
    process.stderr.write(`${formatSection(section)}\n`);
  }

  const meta = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    benchmarks: selected.join(", "),
  };
  process.stdout.write(`\n${formatReport(sections, meta)}\n`);
  const dir = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify({ meta, sections }, null, 2)}\n`);
  process.stderr.write(`\nfigures written to ${path.relative(process.cwd(), path.join(dir, "latest.json"))}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
