import { adjustClockSkew } from "./clock-skew";
import type { Span, Trace } from "./model";

/**
 * A span as an adapter reshapes it from Jaeger, before it is placed in the tree: `parentId` is what its
 * references say (it may name a span that is not in the trace).
 */
export type RawSpan = Omit<Span, "depth" | "orphan" | "skewUs">;

type Node = Span & { index: number };

/**
 * Renames repeated span IDs so that every span can be found by ID. A repeated ID is most often a
 * Zipkin-style shared span (the client and the server report one ID); like Jaeger's span-ID deduper,
 * the server half then becomes a child of the client half. References to the ID keep meaning the first.
 */
function dedupeSpanIds(raw: readonly RawSpan[]): Node[] {
  const first = new Map<string, Node>();
  const seen = new Map<string, number>();
  return raw.map((r, index) => {
    const node: Node = { ...r, depth: 0, index, tags: [...r.tags], logs: r.logs.map((l) => ({ ...l })), warnings: [...r.warnings] };
    const original = first.get(r.spanId);
    if (!original) {
      first.set(r.spanId, node);
      return node;
    }
    const n = (seen.get(r.spanId) ?? 1) + 1;
    seen.set(r.spanId, n);
    node.spanId = `${r.spanId}~${n}`;
    const shared = original.kind === "client" && r.kind === "server" && (r.parentId === undefined || r.parentId === original.parentId);
    if (shared) node.parentId = r.spanId;
    node.warnings.push(
      shared
        ? `span ID ${r.spanId} is shared with its client span (Zipkin style): shown as ${node.spanId}, a child of it`
        : `span ID ${r.spanId} appears more than once in the trace: shown as ${node.spanId}`,
    );
    return node;
  });
}

const byStart = (a: Node, b: Node) => a.startUs - b.startUs || b.durationUs - a.durationUs || a.index - b.index;

/**
 * Picks the root: the earliest span without a parent reference (the longest on a tie); when every span
 * names a parent (the root span has not arrived, or was dropped), the earliest span whose parent is not
 * in the trace.
 */
function pickRoot(nodes: readonly Node[], byId: ReadonlyMap<string, Node>): Node {
  const parentless = nodes.filter((n) => n.parentId === undefined).sort(byStart);
  if (parentless[0]) return parentless[0];
  const missing = nodes.filter((n) => !byId.has(n.parentId!)).sort(byStart);
  return missing[0] ?? [...nodes].sort(byStart)[0]!;
}

function attachUnderRoot(n: Node, root: Node, reason: NonNullable<Span["orphan"]>["reason"], missingParentId?: string): void {
  n.orphan = missingParentId ? { reason, missingParentId } : { reason };
  n.parentId = root.spanId;
  const why = {
    "missing-parent": `parent span ${missingParentId} is not in the trace: attached under the root span`,
    "extra-root": "a second span without a parent: attached under the root span",
    cycle: "its parent references form a cycle: attached under the root span",
  }[reason];
  n.warnings.push(why);
}

/**
 * Builds the console's {@link Trace} from the reshaped spans of one trace (at least one):
 * - repeated span IDs are renamed (see {@link dedupeSpanIds});
 * - one root is chosen; every other span whose parent is missing, that has no parent, or whose parent
 *   chain loops is attached under the root with `orphan` set and a warning (orphans keep their own
 *   children);
 * - clock skew is corrected over the real parent/child edges ({@link adjustClockSkew});
 * - spans are ordered depth first, children by start time, with their depth.
 */
export function assembleTrace(traceId: string, raw: readonly RawSpan[], warnings: readonly string[] = []): Trace {
  if (raw.length === 0) throw new Error(`trace ${traceId} has no spans`);
  const nodes = dedupeSpanIds(raw);
  const byId = new Map(nodes.map((n) => [n.spanId, n]));
  const root = pickRoot(nodes, byId);
  if (root.parentId !== undefined) {
    root.orphan = { reason: "missing-parent", missingParentId: root.parentId };
    root.warnings.push(`parent span ${root.parentId} is not in the trace: shown as the root`);
    root.parentId = undefined;
  }
  for (const n of nodes) {
    if (n === root) continue;
    if (n.parentId === undefined) attachUnderRoot(n, root, "extra-root");
    else if (!byId.has(n.parentId) || n.parentId === n.spanId) attachUnderRoot(n, root, "missing-parent", n.parentId);
  }

  const children = new Map<string, Node[]>();
  const link = (n: Node) => {
    const list = children.get(n.parentId!) ?? [];
    list.push(n);
    children.set(n.parentId!, list);
  };
  for (const n of nodes) if (n !== root) link(n);

  // Spans not reachable from the root sit in a parent cycle: cut the loop at its earliest span.
  const reachable = reach(root, children);
  for (const n of [...nodes].sort(byStart)) {
    if (reachable.has(n)) continue;
    const list = children.get(n.parentId!)!;
    list.splice(list.indexOf(n), 1);
    attachUnderRoot(n, root, "cycle");
    link(n);
    for (const r of reach(n, children)) reachable.add(r);
  }

  // Skew is corrected along real edges only: orphans are roots of their own for this purpose.
  const realChildren = (id: string) => (children.get(id) ?? []).filter((c) => !c.orphan);
  adjustClockSkew([root, ...nodes.filter((n) => n.orphan && n !== root)], realChildren);

  const ordered: Span[] = [];
  const stack: Array<{ n: Node; depth: number }> = [{ n: root, depth: 0 }];
  while (stack.length > 0) {
    const { n, depth } = stack.pop()!;
    const { index: _index, ...spanFields } = n;
    ordered.push({ ...spanFields, depth });
    const kids = [...(children.get(n.spanId) ?? [])].sort(byStart);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, depth: depth + 1 });
  }

  // A loop, not Math.min(...spread): traces of many thousand spans would overflow the call stack.
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const s of ordered) {
    startUs = Math.min(startUs, s.startUs);
    endUs = Math.max(endUs, s.startUs + s.durationUs);
  }
  return {
    traceId,
    rootSpanId: root.spanId,
    startUs,
    durationUs: endUs - startUs,
    spans: ordered,
    services: [...new Set(ordered.map((s) => s.service))],
    warnings: [...warnings],
  };
}

function reach(from: Node, children: ReadonlyMap<string, Node[]>): Set<Node> {
  const seen = new Set<Node>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!.spanId) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(c);
    }
  }
  return seen;
}
