/**
 * Everything a benchmark starts (Prometheus, static servers, Chromium, temp dirs) is registered here and
 * stopped in reverse order when the benchmark ends, also on error and on Ctrl-C / SIGTERM.
 */

interface Entry {
  name: string;
  fn: () => unknown;
}

export class Scope {
  private entries: Entry[] = [];
  private closing: Promise<string[]> | undefined;

  /** Registers `fn` to run when the scope closes; returns a function that runs it early (once). */
  defer(name: string, fn: () => unknown): () => Promise<void> {
    const entry: Entry = { name, fn };
    this.entries.push(entry);
    return async () => {
      const i = this.entries.indexOf(entry);
      if (i < 0) return;
      this.entries.splice(i, 1);
      await entry.fn();
    };
  }

  /** Runs every registered function, last first; returns the failures (never throws). */
  close(): Promise<string[]> {
    this.closing ??= (async () => {
      const failures: string[] = [];
      while (this.entries.length > 0) {
        const e = this.entries.pop()!;
        try {
          await e.fn();
        } catch (err) {
          failures.push(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return failures;
    })();
    return this.closing;
  }
}

const open = new Set<Scope>();
let handlersInstalled = false;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Ctrl-C reaches this process twice (from the terminal and forwarded by the re-exec parent):
  // the first signal starts the cleanup, later ones wait for it instead of killing the process.
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`\nbench: ${sig}, stopping what the benchmarks started…\n`);
      void Promise.all([...open].map((s) => s.close())).finally(() => process.exit(130));
    });
  }
}

/** Runs `fn` with a fresh scope and closes the scope afterwards, whatever happens. */
export async function withScope<T>(fn: (scope: Scope) => Promise<T>): Promise<{ value?: T; error?: unknown; cleanupFailures: string[] }> {
  installSignalHandlers();
  const scope = new Scope();
  open.add(scope);
  try {
    const value = await fn(scope);
    return { value, cleanupFailures: await scope.close() };
  } catch (error) {
    return { error, cleanupFailures: await scope.close() };
  } finally {
    open.delete(scope);
  }
}
