import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { PrometheusNotInstalledError, findPrometheusBinary, resolveExecutable } from "./binary";
import { buildPrometheusConfig, renderPrometheusConfig, type ScrapeTarget } from "./config";
import { fileSize, readLogTail } from "./log-tail";
import { guardAgainstOrphaning } from "./orphan-guard";
import { pickFreePort, waitForPortFree } from "./ports";

export { findPrometheusBinary, PrometheusNotInstalledError };
export type { ScrapeTarget };

export interface PrometheusOptions {
  /** What to scrape: full URLs, e.g. `http://127.0.0.1:15090/stats/prometheus`. */
  targets: ScrapeTarget[];
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Default 5. */
  scrapeIntervalSeconds?: number;
  /** A directory the caller owns; `prometheus.yml`, the TSDB (`data/`) and `prometheus.log` go inside. */
  dataDir: string;
  /** `--storage.tsdb.retention.time`, e.g. `2h`; Prometheus's default (15d) when absent. */
  retention?: string;
  /** Default: `$PROMETHEUS_BIN`, else `prometheus` on `PATH`. */
  binary?: string;
}

export interface RunningPrometheus {
  /** e.g. `http://127.0.0.1:9090`; point `PROMETHEUS_URL` here. */
  url: string;
  port: number;
  pid: number;
  /** SIGTERM, SIGKILL after 5 s; resolves once the process is gone and its port is free. */
  stop(): Promise<void>;
}

/** Prometheus exited or never became ready; `logTail` is the end of its log. */
export class PrometheusStartError extends Error {
  constructor(
    message: string,
    readonly logTail: string,
  ) {
    super(logTail ? `${message}\n--- prometheus.log (tail) ---\n${logTail}` : message);
    this.name = "PrometheusStartError";
  }
}

const READY_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 5_000;
const PORT_RELEASE_TIMEOUT_MS = 10_000;
const HOST = "127.0.0.1";

interface Launch {
  binary: string;
  args: string[];
  port: number;
  dataDir: string;
  logPath: string;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function isReady(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${HOST}:${port}/-/ready`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Starts one Prometheus process and waits until it is ready, or rejects with its log tail. */
async function launch({ binary, args, port, dataDir, logPath }: Launch): Promise<RunningPrometheus> {
  const logStart = fileSize(logPath);
  const logFd = openSync(logPath, "a");
  writeSync(logFd, `--- ${new Date().toISOString()} ${binary} ${args.join(" ")}\n`);
  let child: ChildProcess;
  try {
    child = spawn(binary, args, { cwd: dataDir, stdio: ["ignore", logFd, logFd], detached: false });
  } finally {
    closeSync(logFd);
  }
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (e) => {
      spawnError = e;
      resolve();
    });
  });
  const release = child.pid ? guardAgainstOrphaning(child.pid) : () => undefined;
  void exited.then(release);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!hasExited(child) && !spawnError) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
        await exited;
        clearTimeout(killer);
      }
      release();
      if (!(await waitForPortFree(port, PORT_RELEASE_TIMEOUT_MS, HOST))) {
        throw new Error(`Prometheus stopped but ${HOST}:${port} is still taken`);
      }
    })();
    return stopping;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw new PrometheusNotInstalledError(`${binary}: ${spawnError.message}`);
    if (hasExited(child)) {
      const why = child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
      throw new PrometheusStartError(`Prometheus exited during startup (${why})`, readLogTail(logPath, logStart));
    }
    if (await isReady(port)) break;
    if (Date.now() > deadline) {
      await stop().catch(() => undefined);
      throw new PrometheusStartError(`Prometheus was not ready within ${READY_TIMEOUT_MS / 1000} s`, readLogTail(logPath, logStart));
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  return { url: `http://${HOST}:${port}`, port, pid: child.pid ?? 0, stop };
}

/**
 * Starts the real Prometheus server (Debian's `prometheus` package) scraping `targets`: writes
 * `prometheus.yml` into `dataDir`, runs Prometheus with its TSDB in `dataDir/data`, the lifecycle
 * and admin APIs enabled (so benchmarks can reload, backfill and delete series) and its output in
 * `dataDir/prometheus.log`, and resolves once `GET /-/ready` answers 200.
 *
 * The process is not detached: it is stopped by {@link RunningPrometheus.stop}, which the demo's
 * orchestrator calls on exit, and is guarded against outliving a crashed parent (see
 * orphan-guard.ts).
 * @throws PrometheusNotInstalledError when there is no Prometheus executable.
 * @throws PrometheusStartError when it exits early or is not ready in 30 s (with its log tail).
 */
export async function startPrometheus(opts: PrometheusOptions): Promise<RunningPrometheus> {
  const binary = opts.binary ? resolveExecutable(opts.binary) : findPrometheusBinary();
  if (!binary) throw new PrometheusNotInstalledError(opts.binary ? `${opts.binary} is not an executable` : undefined);
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const configPath = path.join(dataDir, "prometheus.yml");
  writeFileSync(configPath, renderPrometheusConfig(buildPrometheusConfig(opts.targets, opts.scrapeIntervalSeconds ?? 5)));

  // A port picked by us can be taken by someone else before Prometheus binds it: retry then.
  const attempts = opts.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port || (await pickFreePort(HOST));
    const args = [
      `--config.file=${configPath}`,
      `--storage.tsdb.path=${path.join(dataDir, "data")}`,
      `--web.listen-address=${HOST}:${port}`,
      "--web.enable-lifecycle",
      "--web.enable-admin-api",
      ...(opts.retention ? [`--storage.tsdb.retention.time=${opts.retention}`] : []),
    ];
    try {
      return await launch({ binary, args, port, dataDir, logPath: path.join(dataDir, "prometheus.log") });
    } catch (e) {
      const portTaken = e instanceof PrometheusStartError && /address already in use/.test(e.logTail);
      if (!portTaken || attempt >= attempts) throw e;
    }
  }
}
