/**
 * Calls the overview and workloads route handlers in-process, as Next.js calls them, and times each
 * call until its body is read. Imported after the environment points at the demo (the server modules
 * read their configuration on first use).
 */
import type { KubeReader } from "@/server/kube/reader";

export interface RouteTiming {
  ms: number;
  /** CPU time of this process during the call. */
  cpuMs: number;
  bytes: number;
  queries: Array<{ name: string; ms: number; series: number }>;
  /** Reading and preparing the Kubernetes objects, as the answer's `stats.inventoryMs` reports it. */
  inventoryMs: number;
  rows: { namespaces?: number; workloads?: number };
  /** Sources the answer reports as failed (e.g. a Prometheus timeout), which makes the figure meaningless. */
  errors: string[];
}

type Handler = { GET: (req: import("next/server").NextRequest, ctx: undefined) => Promise<Response> | Response };

export async function routeCaller() {
  const { kubeCache } = await import("@/server/kube/cache");
  const { kubeReader } = await import("@/server/kube/reader");
  const { CONSOLE_IDENTITY } = await import("@/server/kube/identity");
  const { NextRequest } = await import("next/server");
  const routes: Record<"overview" | "workloads", Handler> = {
    overview: await import("@/app/api/overview/route"),
    workloads: await import("@/app/api/workloads/route"),
  };
  const cache = kubeCache();
  await cache.waitForSync(180_000);
  const namespaces = cache
    .list("namespaces")
    .map((n) => n.metadata?.name ?? "")
    .filter(Boolean)
    .sort();
  const reader: KubeReader = kubeReader(CONSOLE_IDENTITY);

  const get = async (route: keyof typeof routes, url: string): Promise<RouteTiming> => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await routes[route].GET(new NextRequest(`http://localhost${url}`), undefined);
    const text = await res.text();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as {
      namespaces?: unknown[];
      workloads?: unknown[];
      stats?: { queries: RouteTiming["queries"]; inventoryMs?: number };
      errors?: Array<{ source: string; message: string }>;
    };
    return {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      bytes: text.length,
      queries: body.stats?.queries ?? [],
      inventoryMs: body.stats?.inventoryMs ?? NaN,
      rows: { namespaces: body.namespaces?.length, workloads: body.workloads?.length },
      errors: (body.errors ?? []).map((e) => `${e.source}: ${e.message}`),
    };
  };
  return { namespaces, deployments: cache.list("deployments").length, reader, get, stop: () => cache.stop() };
}
