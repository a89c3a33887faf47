/**
 * The demo's internal span model: what the mesh simulator records for each sampled request and what the
 * Jaeger query API (demo/jaeger) serves in Jaeger's v1 JSON and v3 OTLP JSON shapes.
 *
 * One span per proxy hop, as Istio's Envoy tracer emits them: a `client` span from the caller's sidecar
 * (or gateway) and a `server` span from the callee's sidecar, parented client → server.
 */
export type SpanKind = "client" | "server";

export type TagValue = string | number | boolean;

export interface SimSpan {
  /** 32 lowercase hex characters (128-bit trace id). */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** Absent on the root span. */
  parentSpanId?: string;
  /** Jaeger service name as Istio reports it: `<canonical service>.<namespace>`, e.g. `reviews.bookinfo`. */
  serviceName: string;
  /** Istio's operation name, e.g. `reviews.bookinfo.svc.cluster.local:9080/*`. */
  operationName: string;
  kind: SpanKind;
  /** Microseconds since the Unix epoch. */
  startTimeUs: number;
  durationUs: number;
  /** Envoy/Istio tags: http.method, http.url, http.status_code, upstream_cluster, istio.*, component=proxy, … */
  tags: Record<string, TagValue>;
  /** Process tags (hostname, ip, …) for Jaeger's `processes` map. */
  processTags: Record<string, TagValue>;
  /** True when the response was 5xx or no response: Jaeger's `error=true` tag. */
  error: boolean;
}

/** Search criteria for traces, shared by the v1 and v3 endpoints. */
export interface TraceQuery {
  serviceName: string;
  operationName?: string;
  /** Every tag must match the span's tags (string comparison). */
  tags?: Record<string, string>;
  startTimeMinUs?: number;
  startTimeMaxUs?: number;
  durationMinUs?: number;
  durationMaxUs?: number;
  limit?: number;
}

/**
 * A bounded, in-memory store of spans, grouped by trace. Oldest traces are evicted first once
 * `maxTraces` is reached, so a long-running demo keeps a fixed memory footprint.
 */
export class SpanStore {
  private readonly traces = new Map<string, SimSpan[]>();

  // ~9 KB a trace: 5,000 traces keep the demo under ~50 MB of spans however long it runs.
  constructor(private readonly maxTraces = 5_000) {}

  /** Adds the spans of one trace (all spans must share a traceId). */
  addTrace(spans: SimSpan[]): void {
    const first = spans[0];
    if (!first) return;
    const existing = this.traces.get(first.traceId);
    if (existing) {
      existing.push(...spans);
      return;
    }
    this.traces.set(first.traceId, [...spans]);
    while (this.traces.size > this.maxTraces) {
      const oldest = this.traces.keys().next().value;
      if (oldest === undefined) break;
      this.traces.delete(oldest);
    }
  }

  getTrace(traceId: string): SimSpan[] | undefined {
    return this.traces.get(traceId.toLowerCase().padStart(32, "0"));
  }

  services(): string[] {
    const names = new Set<string>();
    for (const spans of this.traces.values()) for (const s of spans) names.add(s.serviceName);
    return [...names].sort();
  }

  operations(serviceName: string, kind?: SpanKind): Array<{ name: string; kind: SpanKind }> {
    const seen = new Map<string, { name: string; kind: SpanKind }>();
    for (const spans of this.traces.values()) {
      for (const s of spans) {
        if (s.serviceName !== serviceName || (kind && s.kind !== kind)) continue;
        seen.set(`${s.kind}\u0000${s.operationName}`, { name: s.operationName, kind: s.kind });
      }
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Traces with at least one span matching every criterion, newest first, at most `limit` (default 20).
   * As in Jaeger, the duration bounds and tags apply to a single matching span.
   */
  findTraces(q: TraceQuery): SimSpan[][] {
    const limit = q.limit && q.limit > 0 ? q.limit : 20;
    const out: SimSpan[][] = [];
    const all = [...this.traces.values()];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const spans = all[i]!;
      if (spans.some((s) => spanMatches(s, q))) out.push(spans);
    }
    return out;
  }

  get size(): number {
    return this.traces.size;
  }
}

function spanMatches(s: SimSpan, q: TraceQuery): boolean {
  if (s.serviceName !== q.serviceName) return false;
  if (q.operationName && s.operationName !== q.operationName) return false;
  if (q.startTimeMinUs !== undefined && s.startTimeUs < q.startTimeMinUs) return false;
  if (q.startTimeMaxUs !== undefined && s.startTimeUs > q.startTimeMaxUs) return false;
  if (q.durationMinUs !== undefined && s.durationUs < q.durationMinUs) return false;
  if (q.durationMaxUs !== undefined && s.durationUs > q.durationMaxUs) return false;
  if (q.tags) {
    for (const [k, v] of Object.entries(q.tags)) {
      const actual = k === "error" ? s.error : s.tags[k];
      if (actual === undefined || String(actual) !== v) return false;
    }
  }
  return true;
}
