import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildConsole, buildIsStale, startConsole } from "@/demo/console";
import { startDemoStack } from "@/demo/stack";
import { demoEnv } from "@/test/demo-env";
import { freePort } from "@/test/ports";

/** Starts the demo mesh and a production build of the console for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "meshscope-e2e-"));
  const stack = await startDemoStack({ dataDir, scrapeIntervalSeconds: 2, seed: 7 });
  try {
    if (buildIsStale()) await buildConsole("pipe");
    const app = await startConsole(stack, { port: await freePort(), stdio: "pipe" });
    project.provide("demo", demoEnv(stack, app.url));
    return async () => {
      await app.stop();
      await stack.stop();
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
