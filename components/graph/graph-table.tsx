"use client";

import { useState } from "react";
import { nodeTitle, type GraphModel } from "@/lib/graph-view/elements";
import { formatMs, formatRatio, formatRps } from "@/lib/graph-view/format";
import { HEALTH_TEXT } from "@/lib/graph-view/health";
import { edgeRate } from "./details-parts";

/** Rows rendered per table; beyond that, narrow the graph with find/hide or focus. */
const MAX_ROWS = 500;

const th = "p-1.5 text-left font-medium";
const td = "p-1.5";

/**
 * The graph as two tables (nodes, edges): what a screen reader can read of a canvas, and a sortable
 * overview for everyone. Always in the page for assistive technology; shown on demand.
 */
export function GraphTable({
  model,
  found,
  hidden,
  selected,
  onSelect,
}: {
  model: GraphModel;
  found: Set<string>;
  hidden: Set<string>;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const [shown, setShown] = useState(false);
  const nodes = [...model.nodes.values()].filter((n) => !hidden.has(n.id)).sort((a, b) => a.namespace.localeCompare(b.namespace) || nodeTitle(a).localeCompare(nodeTitle(b)));
  const edges = [...model.edges.values()].filter((e) => !hidden.has(e.id));
  const title = (id: string) => {
    const n = model.nodes.get(id);
    return n ? nodeTitle(n) : id;
  };
  const rowClass = (id: string) => `border-t border-slate-100 ${id === selected ? "bg-blue-50" : found.has(id) ? "bg-violet-50" : ""}`;
  return (
    <section aria-label="Graph as a table" className="rounded border border-slate-200 bg-white">
      <button type="button" aria-expanded={shown} className="w-full px-3 py-2 text-left text-sm font-medium text-slate-700" onClick={() => setShown((s) => !s)}>
        Table view: {nodes.length} nodes, {edges.length} edges {shown ? "▾" : "▸"}
      </button>
      <div className={shown ? "max-h-96 space-y-4 overflow-auto px-3 pb-3" : "sr-only"}>
        <table className="w-full text-xs" aria-label="Nodes">
          <thead className="text-slate-500">
            <tr>
              <th className={th}>Node</th>
              <th className={th}>Type</th>
              <th className={th}>Namespace</th>
              <th className={th}>Health</th>
              <th className={th}>In</th>
              <th className={th}>Out</th>
              <th className={th}>Errors</th>
              <th className={th}>Found</th>
            </tr>
          </thead>
          <tbody>
            {nodes.slice(0, MAX_ROWS).map((n) => {
              const ratio = Math.max(n.health.errorRatioIn ?? -1, n.health.errorRatioOut ?? -1);
              return (
                <tr key={n.id} data-testid="graph-node-row" data-id={n.id} data-found={found.has(n.id)} className={rowClass(n.id)}>
                  <td className={td}>
                    <button type="button" className="text-left text-blue-700 hover:underline" onClick={() => onSelect(n.id)}>
                      {nodeTitle(n)}
                    </button>
                  </td>
                  <td className={td}>{n.type}</td>
                  <td className={td}>{n.namespace || "–"}</td>
                  <td className={td}>{HEALTH_TEXT[model.health.get(n.id)?.status ?? "no-data"]}</td>
                  <td className={td}>{formatRps(n.traffic.in.http + n.traffic.in.grpc)}</td>
                  <td className={td}>{formatRps(n.traffic.out.http + n.traffic.out.grpc)}</td>
                  <td className={td}>{ratio < 0 ? "–" : formatRatio(ratio)}</td>
                  <td className={td}>{found.has(n.id) ? "yes" : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <table className="w-full text-xs" aria-label="Edges">
          <thead className="text-slate-500">
            <tr>
              <th className={th}>From</th>
              <th className={th}>To</th>
              <th className={th}>Protocol</th>
              <th className={th}>Rate</th>
              <th className={th}>Errors</th>
              <th className={th}>p95</th>
              <th className={th}>mTLS</th>
              <th className={th}>Found</th>
            </tr>
          </thead>
          <tbody>
            {edges.slice(0, MAX_ROWS).map((e) => (
              <tr key={e.id} data-testid="graph-edge-row" data-id={e.id} data-source={e.source} data-target={e.target} data-found={found.has(e.id)} className={rowClass(e.id)}>
                <td className={td}>
                  <button type="button" className="text-left text-blue-700 hover:underline" onClick={() => onSelect(e.id)}>
                    {title(e.source)}
                  </button>
                </td>
                <td className={td}>{title(e.target)}</td>
                <td className={td}>{e.protocol}</td>
                <td className={td}>{edgeRate(e)}</td>
                <td className={td}>{e.protocol === "tcp" ? "–" : formatRatio(e.errorRatio)}</td>
                <td className={td}>{formatMs(e.latency?.p95)}</td>
                <td className={td}>{e.mtlsShare === null ? "unknown" : formatRatio(e.mtlsShare)}</td>
                <td className={td}>{found.has(e.id) ? "yes" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(nodes.length > MAX_ROWS || edges.length > MAX_ROWS) && (
          <p className="text-xs text-slate-500">The first {MAX_ROWS} rows of each table are listed: narrow the graph with find, hide or focus.</p>
        )}
      </div>
    </section>
  );
}
