import { spawn } from "node:child_process";
import type { Socket } from "node:net";

/**
 * Keeps a child server from outliving the demo.
 *
 * - Normal exit of the parent (including an uncaught exception): an `exit` hook sends SIGTERM.
 * - Ctrl-C in a terminal: the child is not detached, so it shares the parent's process group and
 *   receives the SIGINT itself.
 * - The parent killed outright (SIGKILL, OOM): a tiny `sh` watchdog holds the read end of a pipe
 *   from the parent; when the parent dies the pipe closes, `read` returns and the watchdog sends
 *   SIGTERM, then SIGKILL after 5 s. Node cannot set PR_SET_PDEATHSIG, so this is the portable way.
 *
 * The demo's orchestrator also stops every child explicitly on shutdown; this is the safety net.
 */

const guarded = new Set<number>();
let exitHookInstalled = false;

function killGuardedOnExit(): void {
  for (const pid of guarded) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

const WATCHDOG_SCRIPT = 'read _ignored; kill -TERM "$1" 2>/dev/null || exit 0; sleep 5; kill -KILL "$1" 2>/dev/null';

function startWatchdog(pid: number): (() => void) | undefined {
  try {
    const watchdog = spawn("sh", ["-c", WATCHDOG_SCRIPT, "orphan-watchdog", String(pid)], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: false,
    });
    watchdog.on("error", () => undefined); // no sh: the exit hook still applies
    watchdog.unref();
    (watchdog.stdin as Socket | null)?.unref();
    return () => {
      // SIGKILL first so that closing the pipe cannot trigger the kill.
      watchdog.kill("SIGKILL");
      watchdog.stdin?.destroy();
    };
  } catch {
    return undefined;
  }
}

/**
 * Guards the child `pid` until the returned release function is called (call it once the child
 * has exited, so a reused pid is never signalled).
 */
export function guardAgainstOrphaning(pid: number): () => void {
  if (!exitHookInstalled) {
    process.on("exit", killGuardedOnExit);
    exitHookInstalled = true;
  }
  guarded.add(pid);
  const stopWatchdog = startWatchdog(pid);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    guarded.delete(pid);
    stopWatchdog?.();
  };
}
