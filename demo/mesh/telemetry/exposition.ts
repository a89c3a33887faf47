/**
 * The Prometheus text exposition of a registry. Collectors that can print themselves (the Istio
 * metrics, see series-metrics.ts) do so from per-series label strings computed once; others go
 * through prom-client. The output is what `registry.metrics()` returns, at a fraction of the cost,
 * which matters because scrapes run on the event loop the simulated mesh shares.
 */
import type { Registry } from "prom-client";
import type { Renderable } from "./series-metrics";

function isRenderable(m: unknown): m is Renderable {
  return typeof (m as Partial<Renderable> | null)?.render === "function";
}

/**
 * Renders every metric of `registry` in the Prometheus text format (version 0.0.4), or one shard of it
 * (see shards.ts): the Istio metrics' series of that shard; other metrics go with shard 0.
 */
export async function renderRegistry(registry: Registry, shard?: number): Promise<string> {
  const parts: string[] = [];
  for (const m of registry.getMetricsAsArray()) {
    if (isRenderable(m)) parts.push(m.render(shard));
    else if (shard === undefined || shard === 0) parts.push(`${await registry.getSingleMetricAsString(m.name)}\n`);
  }
  return parts.join("\n");
}
