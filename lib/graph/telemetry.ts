/**
 * Reading Istio's metric labels into typed telemetry records. Istio writes `unknown` (or nothing) where
 * it does not know a value; both become `undefined` here, so the rest of the code has one notion of
 * "not known".
 */
import type { PromSample } from "@/lib/promql/types";
import type { Protocol } from "./schema";

export type Reporter = "source" | "destination";

/** The calling side of a request, as telemetry names it. */
export interface SourceEnd {
  cluster?: string;
  namespace?: string;
  workload?: string;
  app?: string;
  version?: string;
  principal?: string;
}

/** The called side: the workload that answered and the service (or host) that was called. */
export interface DestinationEnd extends SourceEnd {
  serviceNamespace?: string;
  serviceName?: string;
  /** The host called (`reviews.bookinfo.svc.cluster.local`, `api.stripe.com`). */
  serviceHost?: string;
}

/** One sample of a graph query, with its labels read. */
export interface TelemetryRecord {
  reporter: Reporter;
  source: SourceEnd;
  destination: DestinationEnd;
  protocol: Protocol;
  /** HTTP response code; `0` or absent when there was no response. */
  code?: string;
  grpcStatus?: string;
  /** Envoy response flags, `-` when none. */
  flags: string;
  /** `mutual_tls` or `none` on the destination's reports; unknown on the source's. */
  security?: string;
  /** The `meshscope_part` tag (`sent`/`received`, `request`/`response`) or the `le` of a bucket. */
  part?: string;
  le?: string;
  value: number;
}

/** A label's value, or undefined when absent, empty or `unknown`. */
export function known(v: string | undefined): string | undefined {
  return v === undefined || v === "" || v === "unknown" ? undefined : v;
}

function protocolOf(p: string | undefined): Protocol {
  if (p === "grpc" || p === "tcp") return p;
  return "http";
}

/** Prefers the `app`/`version` labels; falls back to Istio's canonical service and revision. */
function appOf(m: Record<string, string>, side: "source" | "destination"): { app?: string; version?: string } {
  const app = known(m[`${side}_app`]) ?? known(m[`${side}_canonical_service`]);
  const rawVersion = known(m[`${side}_version`]) ?? known(m[`${side}_canonical_revision`]);
  // Istio's default canonical revision when a pod has no version label at all.
  const version = rawVersion === "latest" && !known(m[`${side}_version`]) ? undefined : rawVersion;
  return { app, version };
}

/**
 * Reads one sample. Samples from other reporters (waypoints) and samples that are not finite numbers
 * (a counter reset can't produce them, but a histogram sum over nothing can) are dropped.
 */
export function toRecord(s: PromSample): TelemetryRecord | undefined {
  const m = s.metric;
  const reporter = m.reporter;
  if (reporter !== "source" && reporter !== "destination") return undefined;
  if (!Number.isFinite(s.value)) return undefined;
  return {
    reporter,
    source: {
      cluster: known(m.source_cluster),
      namespace: known(m.source_workload_namespace),
      workload: known(m.source_workload),
      principal: known(m.source_principal),
      ...appOf(m, "source"),
    },
    destination: {
      cluster: known(m.destination_cluster),
      namespace: known(m.destination_workload_namespace),
      workload: known(m.destination_workload),
      principal: known(m.destination_principal),
      serviceNamespace: known(m.destination_service_namespace),
      serviceName: known(m.destination_service_name),
      serviceHost: known(m.destination_service),
      ...appOf(m, "destination"),
    },
    protocol: protocolOf(m.request_protocol),
    code: m.response_code,
    grpcStatus: known(m.grpc_response_status),
    flags: m.response_flags || "-",
    security: known(m.connection_security_policy),
    part: m.meshscope_part,
    le: m.le,
    value: Math.max(0, s.value),
  };
}

/** Reads a whole vector. */
export function toRecords(samples: readonly PromSample[]): TelemetryRecord[] {
  const out: TelemetryRecord[] = [];
  for (const s of samples) {
    const r = toRecord(s);
    if (r) out.push(r);
  }
  return out;
}
