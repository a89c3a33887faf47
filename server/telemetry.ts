import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { UpstreamName } from "./http/errors";

interface Telemetry {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status">;
  upstreamDuration: Histogram<"upstream" | "operation" | "outcome">;
  upstreamErrors: Counter<"upstream" | "operation" | "kind">;
  writes: Counter<"action" | "kind" | "dry_run" | "result">;
}

function create(): Telemetry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "meshscope_" });
  const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    httpDuration: new Histogram({
      name: "meshscope_http_request_duration_seconds",
      help: "Duration of the console's API requests, by route, method and status code.",
      labelNames: ["route", "method", "status"],
      buckets,
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: "meshscope_upstream_request_duration_seconds",
      help: "Duration of calls to upstreams (kubernetes, prometheus, jaeger), by operation and outcome.",
      labelNames: ["upstream", "operation", "outcome"],
      buckets,
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: "meshscope_upstream_errors_total",
      help: "Failed calls to upstreams, by operation and kind of failure (unreachable, timeout, status).",
      labelNames: ["upstream", "operation", "kind"],
      registers: [registry],
    }),
    writes: new Counter({
      name: "meshscope_writes_total",
      help: "Writes to the cluster made through the console, by action, kind, dry run and result.",
      labelNames: ["action", "kind", "dry_run", "result"],
      registers: [registry],
    }),
  };
}

// One registry per process: kept on globalThis so that dev-mode module reloads don't register twice.
const holder = globalThis as typeof globalThis & { __meshscopeTelemetry?: Telemetry };

/** The console's own metrics (served at `/metrics`). */
export function telemetry(): Telemetry {
  holder.__meshscopeTelemetry ??= create();
  return holder.__meshscopeTelemetry;
}

/** Times one upstream call and counts its failure; rethrows what the call throws. */
export async function observeUpstream<T>(
  upstream: UpstreamName,
  operation: string,
  call: () => Promise<T>,
  classify: (err: unknown) => string = () => "error",
): Promise<T> {
  const t = telemetry();
  const end = t.upstreamDuration.startTimer({ upstream, operation });
  try {
    const result = await call();
    end({ outcome: "ok" });
    return result;
  } catch (err) {
    end({ outcome: "error" });
    t.upstreamErrors.inc({ upstream, operation, kind: classify(err) });
    throw err;
  }
}
