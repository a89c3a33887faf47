/**
 * Helpers for the integration tests: running the real kubectl against a server, and polling.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Output of a finished kubectl run. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kubectl --kubeconfig <path> --cache-dir <dir> ...args`, optionally with stdin. */
export function kubectl(kubeconfig: string, args: string[], input?: string): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", path.join(path.dirname(kubeconfig), "kubectl-cache"), ...args], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** Starts a long-running kubectl (e.g. `get -w`) and collects its output. */
export function kubectlStream(kubeconfig: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", path.join(path.dirname(kubeconfig), "kubectl-cache"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
