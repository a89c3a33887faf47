import type { DemoStack } from "@/demo/stack";

/** What the global setups hand to the tests (through vitest's provide/inject). */
export interface DemoEnv {
  kubeconfigPath: string;
  kubeUrl: string;
  adminToken: string;
  prometheusUrl: string;
  jaegerUrl: string;
  metricsUrl: string;
  consoleUrl?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    demo: DemoEnv;
  }
}

export function demoEnv(stack: DemoStack, consoleUrl?: string): DemoEnv {
  return {
    kubeconfigPath: stack.kubeconfigPath,
    kubeUrl: stack.kubeUrl,
    adminToken: stack.adminToken,
    prometheusUrl: stack.prometheusUrl,
    jaegerUrl: stack.jaegerUrl,
    metricsUrl: stack.metricsUrl,
    consoleUrl,
  };
}

/** Points the console's server modules (which read process.env) at the demo. */
export function exportConsoleEnv(env: DemoEnv): void {
  process.env.KUBECONFIG = env.kubeconfigPath;
  process.env.PROMETHEUS_URL = env.prometheusUrl;
  process.env.JAEGER_URL = env.jaegerUrl;
}

/** Polls `fn` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
