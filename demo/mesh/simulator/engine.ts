/**
 * The context one simulated root request runs in: the compiled mesh, the random source, the metric
 * sinks, and the spans and log lines collected for the request. Times inside a root request are
 * relative milliseconds from its start; {@link flushRoot} anchors them so that the request ends now.
 */
import type { SpanStore } from "../../tracing/span-store";
import type { MeshIndex } from "../model/mesh-index";
import type { ProxyKind, PodRef, Workload } from "../model/workloads";
import type { PodLogBuffer } from "../pod-logs";
import type { IstioMetrics } from "../telemetry/istio-metrics";
import { formatAccessLog, type AccessLogEntry } from "../telemetry/access-log";
import { toSimSpan, type HopSpan } from "../telemetry/spans";
import type { Random } from "./random";

interface PendingLog {
  namespace: string;
  pod: string;
  container: string;
  atMs: number;
  /** An application line, rendered when the request completes. */
  render?: (toAbsMs: (relMs: number) => number) => string;
  /** An Envoy access-log entry (with a relative `startMs`). */
  access?: AccessLogEntry;
}

/** Spans and log lines of one root request, kept until it completes. */
export class RootRequest {
  readonly spans: HopSpan[] = [];
  readonly logs: PendingLog[] = [];

  constructor(
    readonly traceId: string,
    readonly requestId: string,
    readonly sampled: boolean,
    private readonly rng: Random,
  ) {}

  /** A new span id when the request is sampled. */
  newSpanId(): string | undefined {
    return this.sampled ? this.rng.hex(16) : undefined;
  }

  addSpan(span: HopSpan): void {
    if (this.sampled) this.spans.push(span);
  }

  /** An application log line written at relative time `atMs`. */
  log(pod: PodRef, container: string, atMs: number, render: (toAbsMs: (relMs: number) => number) => string): void {
    this.logs.push({ namespace: pod.namespace, pod: pod.name, container, atMs, render });
  }

  /** An access-log line written at relative time `atMs`; `entry.startMs` is relative too. */
  logAccess(pod: PodRef, container: string, atMs: number, entry: AccessLogEntry): void {
    this.logs.push({ namespace: pod.namespace, pod: pod.name, container, atMs, access: entry });
  }
}

/** Whatever is shared by all the hops of the simulation. */
export interface Engine {
  index: MeshIndex;
  rng: Random;
  metrics: IstioMetrics;
  /** Pooled TCP connections already opened (`<client pod>→<host>:<port>`). */
  tcpPool: Set<string>;
  root: RootRequest;
}

/** Who makes a call: an application behind its proxy (if any), or a client outside the mesh. */
export interface Caller {
  /** Undefined for clients outside the cluster. */
  workload?: Workload;
  pod?: PodRef;
  proxy: ProxyKind;
  ip: string;
  /** The span of the request being handled, parent of the caller's outbound client spans. */
  parentSpanId?: string;
}

/** The response an application sees for one call; `status` 0 means no response (refused/reset). */
export interface CallOutcome {
  status: number;
  grpcStatus?: number;
  durationMs: number;
  responseBytes: number;
  flags: string;
}

/** Whether an application treats the outcome as a failed call. */
export function callFailed(o: CallOutcome): boolean {
  return o.status === 0 || o.status >= 400 || (o.grpcStatus !== undefined && o.grpcStatus !== 0);
}

/** Sends the root's spans to the store and its log lines to the pods, ending the request at `nowMs`. */
export function flushRoot(root: RootRequest, nowMs: number, durationMs: number, spans: SpanStore, logs: PodLogBuffer): void {
  const base = nowMs - durationMs;
  const toAbs = (rel: number): number => base + rel;
  if (root.sampled && root.spans.length) spans.addTrace(root.spans.map((s) => toSimSpan({ ...s, startMs: base + s.startMs })));
  for (const l of root.logs) {
    const time = new Date(toAbs(l.atMs));
    if (l.access) {
      l.access.startMs = toAbs(l.access.startMs);
      logs.append(l.namespace, l.pod, l.container, { time, text: formatAccessLog(l.access) });
    } else if (l.render) {
      logs.append(l.namespace, l.pod, l.container, { time, text: l.render(toAbs) });
    }
  }
}
