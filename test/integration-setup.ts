import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startDemoStack } from "@/demo/stack";
import { demoEnv, exportConsoleEnv } from "./demo-env";

/**
 * Starts the whole demo mesh once for the integration suite — the demo Kubernetes API, the simulator,
 * the Jaeger query API and a real Prometheus (Debian's package) scraping every second — and stops it after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "meshscope-it-"));
  const stack = await startDemoStack({ dataDir, scrapeIntervalSeconds: 1, seed: 42 });
  const env = demoEnv(stack);
  exportConsoleEnv(env);
  project.provide("demo", env);
  return () => stack.stop();
}
