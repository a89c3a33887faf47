import type { ReactNode } from "react";
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import { HEALTH_COLOURS, HEALTH_TEXT } from "@/lib/graph-view/health";
import type { RequestHealth } from "@/lib/health/requests";
import { formatBytesRate, formatMs, formatRatio, formatRps } from "@/lib/graph-view/format";
import { nodeTitle } from "@/lib/graph-view/elements";

/** A definition list of label/value rows. */
export function Facts({ rows }: { rows: Array<[string, ReactNode] | false | undefined> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.filter((r): r is [string, ReactNode] => Boolean(r)).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="min-w-0 break-words text-slate-900" data-fact={k}>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Health status with its reasons. */
export function HealthLine({ health }: { health: RequestHealth | undefined }) {
  const status = health?.status ?? "no-data";
  return (
    <div className="text-sm">
      <span className="inline-flex items-center gap-2 font-medium" data-testid="panel-health">
        <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: HEALTH_COLOURS[status] }} aria-hidden="true" />
        {HEALTH_TEXT[status]}
      </span>
      {health && health.reasons.length > 0 && status !== "no-data" && (
        <ul className="ml-5 list-disc text-xs text-slate-600">
          {health.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Principals({ list }: { list: string[] }) {
  if (list.length === 0) return <span className="text-slate-400">none reported</span>;
  return (
    <ul className="space-y-0.5">
      {list.map((p) => (
        <li key={p} className="break-all font-mono text-xs">
          {p}
        </li>
      ))}
    </ul>
  );
}

/** The rate of an edge in its unit. */
export function edgeRate(e: GraphEdge): string {
  return e.protocol === "tcp" ? formatBytesRate(e.rate) : formatRps(e.rate);
}

/** A small table of a node's callers or callees; a row selects that edge. */
export function EdgeList({ title, edges, nodes, other, onSelect }: { title: string; edges: GraphEdge[]; nodes: Map<string, GraphNode>; other: (e: GraphEdge) => string; onSelect: (id: string) => void }) {
  if (edges.length === 0) return null;
  return (
    <table className="w-full text-xs" aria-label={title}>
      <caption className="mb-1 text-left text-sm font-semibold text-slate-700">{title}</caption>
      <thead className="text-left text-slate-500">
        <tr>
          <th className="font-medium">Node</th>
          <th className="font-medium">Rate</th>
          <th className="font-medium">Errors</th>
          <th className="font-medium">p95</th>
        </tr>
      </thead>
      <tbody>
        {edges.map((e) => {
          const n = nodes.get(other(e));
          return (
            <tr key={e.id} className="border-t border-slate-100">
              <td>
                <button type="button" className="text-left text-blue-700 hover:underline" onClick={() => onSelect(e.id)}>
                  {n ? nodeTitle(n) : other(e)}
                  {e.protocol !== "http" && <span className="text-slate-400"> ({e.protocol})</span>}
                </button>
              </td>
              <td>{edgeRate(e)}</td>
              <td>{e.protocol === "tcp" ? "–" : formatRatio(e.errorRatio)}</td>
              <td>{formatMs(e.latency?.p95)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
