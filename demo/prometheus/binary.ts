import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** The environment variables the lookup reads (`PROMETHEUS_BIN`, `PATH`). */
export type Env = Readonly<Record<string, string | undefined>>;

/** What {@link findPrometheusBinary} looked for, for messages. */
function describeLookup(env: Env = process.env): string {
  return env.PROMETHEUS_BIN ? `PROMETHEUS_BIN=${env.PROMETHEUS_BIN} is not an executable` : "no `prometheus` on PATH";
}

/** Raised when no Prometheus executable can be found; the message says how to get one. */
export class PrometheusNotInstalledError extends Error {
  /** @param tried what was looked for, e.g. the path given or `no \`prometheus\` on PATH`. */
  constructor(readonly tried = describeLookup()) {
    super(
      `Prometheus was not found (${tried}). Install the real server, e.g. \`sudo apt-get install prometheus\` on ` +
        "Debian/Ubuntu, or set PROMETHEUS_BIN to its executable; or point PROMETHEUS_URL at an existing Prometheus.",
    );
    this.name = "PrometheusNotInstalledError";
  }
}

/** Whether `file` is an executable regular file. */
export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves a command the way a shell would: a name containing `/` is a path, anything else is
 * looked up on `PATH`. Returns the executable's path, or undefined.
 */
export function resolveExecutable(command: string, env: Env = process.env): string | undefined {
  if (command.includes("/")) return isExecutableFile(command) ? path.resolve(command) : undefined;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds the Prometheus executable: `$PROMETHEUS_BIN` when set, else `prometheus` on `PATH`.
 * Returns its path, or undefined when there is none (a `PROMETHEUS_BIN` that is not executable
 * counts as none rather than falling back, so a typo is not silently ignored).
 */
export function findPrometheusBinary(env: Env = process.env): string | undefined {
  return resolveExecutable(env.PROMETHEUS_BIN || "prometheus", env);
}
