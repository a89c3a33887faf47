import "server-only";
import { z } from "zod";

/**
 * Server configuration, read from the environment once and validated.
 *
 * Kubernetes: `KUBECONFIG` (or ~/.kube/config) with an optional `MESHSCOPE_KUBE_CONTEXT`, or the
 * in-cluster service account when running in a pod. Prometheus and Jaeger: `PROMETHEUS_URL`, `JAEGER_URL` (and `JAEGER_API=auto|v1|v3`).
 * Timeouts: `MESHSCOPE_UPSTREAM_TIMEOUT_MS` for every upstream call, `MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS`
 * for the graph's Prometheus queries.
 */
const envSchema = z.object({
  KUBECONFIG: z.string().min(1).optional(),
  MESHSCOPE_KUBE_CONTEXT: z.string().min(1).optional(),
  PROMETHEUS_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  JAEGER_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  JAEGER_API: z.enum(["auto", "v1", "v3"], { message: "must be auto, v1 or v3" }).default("auto"),
  MESHSCOPE_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  MESHSCOPE_READ_ONLY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

/** Default of `graphQueryTimeoutMs` (never below `upstreamTimeoutMs`); Prometheus's own limit is 2 minutes. */
const DEFAULT_GRAPH_QUERY_TIMEOUT_MS = 60_000;

export interface ServerConfig {
  kube: { kubeconfigPath?: string; context?: string; inCluster: boolean };
  prometheusUrl?: string;
  jaegerUrl?: string;
  /** Which Jaeger query API to use: `v1` JSON, `v3` OTLP JSON, or `auto` (detected: v3 when it answers). */
  jaegerApi: "auto" | "v1" | "v3";
  upstreamTimeoutMs: number;
  /**
   * Timeout of the graph's Prometheus queries. They are the only ones that grow with the selection (the
   * latency query reads every duration-histogram bucket series of the selected namespaces: ~140k
   * result series and 15–40 s for the demo's 300 namespaces on a small machine), so they get their own
   * limit, and the console's other upstream calls keep failing fast at `upstreamTimeoutMs`.
   */
  graphQueryTimeoutMs: number;
  readOnly: boolean;
}

/** A configuration problem, phrased for an operator: names the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Meshscope configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses a configuration from an environment; throws {@link ConfigError} naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const empty = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, empty(v)])));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const inCluster = !e.KUBECONFIG && Boolean(env.KUBERNETES_SERVICE_HOST);
  return {
    kube: { kubeconfigPath: e.KUBECONFIG, context: e.MESHSCOPE_KUBE_CONTEXT, inCluster },
    prometheusUrl: e.PROMETHEUS_URL?.replace(/\/+$/, ""),
    jaegerUrl: e.JAEGER_URL?.replace(/\/+$/, ""),
    jaegerApi: e.JAEGER_API,
    upstreamTimeoutMs: e.MESHSCOPE_UPSTREAM_TIMEOUT_MS,
    graphQueryTimeoutMs: e.MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS ?? Math.max(DEFAULT_GRAPH_QUERY_TIMEOUT_MS, e.MESHSCOPE_UPSTREAM_TIMEOUT_MS),
    readOnly: e.MESHSCOPE_READ_ONLY,
  };
}

let cached: ServerConfig | undefined;

/** The process's configuration, parsed on first use and kept. */
export function getConfig(): ServerConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
