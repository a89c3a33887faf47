import { assembleTrace, type RawSpan } from "./assemble";
import type { SpanProcess, Trace } from "./model";

/** Test data: spans in the reshaped form, with Istio-like defaults. */

export const T0 = 1_700_000_000_000_000;

/** A process on one host (the clock-skew correction compares `ip`). */
export function proc(service: string, ip: string): SpanProcess {
  return { service, tags: [{ key: "ip", type: "string", value: ip }] };
}

/** A span; `service` sets the process too unless `process` is given. */
export function raw(spanId: string, parentId: string | undefined, startOffsetUs: number, durationUs: number, over: Partial<RawSpan> = {}): RawSpan {
  const service = over.service ?? over.process?.service ?? "productpage.bookinfo";
  return {
    spanId,
    ...(parentId !== undefined ? { parentId } : {}),
    service,
    operation: `${service.split(".")[0]}.bookinfo.svc.cluster.local:9080/*`,
    kind: "server",
    startUs: T0 + startOffsetUs,
    durationUs,
    error: false,
    tags: [],
    logs: [],
    process: proc(service, `pod-of-${service}`),
    links: [],
    warnings: [],
    ...over,
  };
}

/** Assembles spans into a trace with a fixed ID. */
export function traceOf(spans: RawSpan[], traceId = "0".repeat(31) + "1"): Trace {
  return assembleTrace(traceId, spans);
}
