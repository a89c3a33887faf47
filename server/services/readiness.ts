import "server-only";
import type { ReadyzResponse, UpstreamStatus } from "@/lib/api/schemas";
import { getConfig } from "../config";
import { kubeCache } from "../kube/cache";
import { kubeFor } from "../kube/gateway";
import { CONSOLE_IDENTITY } from "../kube/identity";
import { kubeServerUrl } from "../kube/kube-config";
import { prometheusVersion } from "../prometheus/client";
import { jaegerServices } from "../tracing/jaeger-client";

const PROBE_TIMEOUT_MS = 3_000;

async function probe(name: UpstreamStatus["name"], url: () => string | undefined, check: () => Promise<string>): Promise<UpstreamStatus> {
  let target: string | null = null;
  const started = performance.now();
  try {
    target = url() ?? null;
    const detail = await check();
    return { name, url: target, ok: true, detail, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { name, url: target, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Asks each upstream whether it answers, in parallel and with a short timeout each: Kubernetes
 * (`/version` with the console's credentials), Prometheus (`buildinfo`), Jaeger (its services list,
 * through the v3 or v1 query API, whichever it serves).
 */
export async function checkUpstreams(): Promise<UpstreamStatus[]> {
  const cfg = getConfig();
  return Promise.all([
    probe("kubernetes", kubeServerUrl, () => kubeFor(CONSOLE_IDENTITY).version()),
    probe("prometheus", () => cfg.prometheusUrl, async () => `Prometheus ${await prometheusVersion(PROBE_TIMEOUT_MS)}`),
    probe("jaeger", () => cfg.jaegerUrl, async () => `${(await jaegerServices(PROBE_TIMEOUT_MS)).length} services`),
  ]);
}

/** Readiness of the console: every upstream and the state of the Kubernetes cache. */
export async function readiness(): Promise<ReadyzResponse> {
  const upstreams = await checkUpstreams();
  let cache: ReadyzResponse["cache"];
  try {
    cache = kubeCache()
      .statuses()
      .map((s) => ({ kind: s.key, synced: s.synced, notInstalled: s.notInstalled, count: s.count, error: s.lastError }));
  } catch {
    cache = undefined; // Kubernetes not configured: already reported in `upstreams`.
  }
  return { ready: upstreams.every((u) => u.ok), upstreams, cache };
}
