import { formatDeltaUs, formatDurationUs } from "./format";
import type { SpanProcess } from "./model";

/** The fields of a span the clock-skew correction reads and moves. */
export interface SkewNode {
  spanId: string;
  startUs: number;
  durationUs: number;
  process: SpanProcess;
  logs: Array<{ timestampUs: number }>;
  warnings: string[];
  skewUs?: number;
}

/**
 * The host a span was reported from: the process's `ip` tag (a string, or an IPv4 address packed in an
 * int64 as some Jaeger clients send it), else its `hostname`. Empty when unknown.
 */
export function hostKey(process: SpanProcess): string {
  const ip = process.tags.find((t) => t.key === "ip");
  if (ip?.type === "string") return ip.value;
  if (ip?.type === "int64") {
    const n = Number(BigInt.asUintN(32, BigInt(ip.value)));
    return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
  }
  const host = process.tags.find((t) => t.key === "hostname");
  return host?.type === "string" ? host.value : "";
}

/**
 * How far to move a child reported by another host so that it fits in its (already adjusted) parent:
 * nothing when it fits; when it is longer than the parent, only so far that it does not start earlier;
 * otherwise so that it sits in the middle, network latency split evenly between request and response.
 * This is the rule of Jaeger's clock-skew adjuster (`model/adjuster/clockskew.go`).
 */
export function skewDelta(child: { startUs: number; durationUs: number }, parent: { startUs: number; durationUs: number }): number {
  const childEnd = child.startUs + child.durationUs;
  const parentEnd = parent.startUs + parent.durationUs;
  if (child.durationUs > parent.durationUs) {
    return child.startUs < parent.startUs ? parent.startUs - child.startUs : 0;
  }
  if (child.startUs >= parent.startUs && childEnd <= parentEnd) return 0;
  const latency = Math.floor((parent.durationUs - child.durationUs) / 2);
  return parent.startUs + latency - child.startUs;
}

/**
 * Corrects clock skew between hosts over a span tree, in place, the way Jaeger's backend does: walking
 * from each root, a span from another host than its parent is moved by {@link skewDelta}, and the spans
 * below it on the same host move with it (their clock is the same). Each moved span records `skewUs`
 * and a warning. `childrenOf` must hold only real parent/child edges (not orphans attached under the
 * root), so that unrelated spans are never pulled into a parent they do not belong to.
 *
 * What cannot be corrected is flagged instead: a child on the same host as its parent (same clock, so
 * the times are what they are) that starts before it or ends after it gets a warning saying by how much.
 */
export function adjustClockSkew<N extends SkewNode>(roots: readonly N[], childrenOf: (spanId: string) => readonly N[]): void {
  const stack: Array<{ node: N; parent?: N; host: string; delta: number }> = roots.map((r) => ({ node: r, host: hostKey(r.process), delta: 0 }));
  while (stack.length > 0) {
    const { node, parent, host: inheritedHost, delta: inheritedDelta } = stack.pop()!;
    const host = hostKey(node.process);
    let delta = inheritedDelta;
    if (parent && (host !== inheritedHost || host === "")) delta = skewDelta(node, parent);
    if (delta !== 0) {
      node.startUs += delta;
      for (const log of node.logs) log.timestampUs += delta;
      node.skewUs = (node.skewUs ?? 0) + delta;
      node.warnings.push(`clock skew: timestamps adjusted by ${formatDeltaUs(delta)} to fit in the parent span`);
    }
    if (parent) flagOverflow(node, parent);
    for (const child of childrenOf(node.spanId)) stack.push({ node: child, parent: node, host, delta });
  }
}

function flagOverflow(node: SkewNode, parent: SkewNode): void {
  const early = parent.startUs - node.startUs;
  const late = node.startUs + node.durationUs - (parent.startUs + parent.durationUs);
  if (early > 0) node.warnings.push(`clock skew: starts ${formatDurationUs(early)} before its parent`);
  if (late > 0) node.warnings.push(`ends ${formatDurationUs(late)} after its parent`);
}
