/** Starts ./demo-child.ts in a child process and waits for its coordinates. */
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";

const coordinates = z.object({ kubeconfigPath: z.string(), jaegerUrl: z.string(), metricsShardUrls: z.array(z.string()).min(1) });

export interface DemoProcess extends z.infer<typeof coordinates> {
  pid: number;
  /** Closes its stdin (it stops the stack and exits), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 5 * 60_000;

export async function startDemoProcess(opts: { dataDir: string; scale: number; prometheusUrl: string }): Promise<DemoProcess> {
  const script = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "demo-child.ts");
  // Same Node and loader (tsx) as this process, without the react-server condition the console needs.
  const execArgv = process.execArgv.filter((a) => !a.startsWith("--conditions"));
  const child = spawn(process.execPath, [...execArgv, script, opts.dataDir, String(opts.scale), opts.prometheusUrl], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("the demo did not start within 5 minutes")), START_TIMEOUT_MS);
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const nl = out.indexOf("\n");
        if (nl >= 0) {
          clearTimeout(timer);
          resolve(out.slice(0, nl));
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the demo process exited with ${child.exitCode ?? child.signalCode}`));
      });
    });
    return { ...coordinates.parse(JSON.parse(line)), pid: child.pid ?? 0, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
