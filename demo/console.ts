import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "components", "lib", "server", "public"];
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json"];

export interface ConsoleEnv {
  kubeconfigPath: string;
  prometheusUrl: string;
  jaegerUrl: string;
}

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when there is no production build or a source file changed since it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(ROOT, d))), ...SOURCE_FILES.map((f) => newestMtime(path.join(ROOT, f))));
  return sources > built;
}

function run(args: string[], env: NodeJS.ProcessEnv, stdio: "inherit" | "pipe"): ChildProcess {
  // Own process group, so that stopping the console also stops the workers Next.js starts.
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio, detached: true });
}

const baseEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });

/** `next build`, streaming its output; rejects when the build fails. */
export function buildConsole(stdio: "inherit" | "pipe" = "inherit"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run(["build"], { ...baseEnv(), NODE_ENV: "production" }, stdio);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})\n${out.slice(-4000)}`))));
  });
}

/**
 * Starts the console (`next start`, or `next dev` when `dev`) pointed at the demo's upstreams, and
 * resolves once it answers `/api/healthz`.
 */
export async function startConsole(
  upstreams: ConsoleEnv,
  opts: { port: number; dev?: boolean; stdio?: "inherit" | "pipe" },
): Promise<RunningConsole> {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    KUBECONFIG: upstreams.kubeconfigPath,
    PROMETHEUS_URL: upstreams.prometheusUrl,
    JAEGER_URL: upstreams.jaegerUrl,
    PORT: String(opts.port),
    HOSTNAME: "127.0.0.1",
  };
  const args = opts.dev ? ["dev", "-p", String(opts.port), "-H", "127.0.0.1"] : ["start", "-p", String(opts.port), "-H", "127.0.0.1"];
  const child = run(args, env, opts.stdio ?? "inherit");
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${opts.port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited early (code ${child.exitCode})\n${output}`);
    try {
      const res = await fetch(`${url}/api/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the console did not answer at ${url} within 120 s\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
