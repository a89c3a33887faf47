"use client";

import type { PeerTraffic } from "@/lib/inventory/schemas";
import { DetailLink } from "../detail-link";
import { formatRps } from "../format";
import { Panel } from "./panels";

function Peer({ p }: { p: PeerTraffic }) {
  const name =
    p.kind === "unknown" ? (
      <span className="text-slate-500">unknown (outside the mesh)</span>
    ) : (
      <DetailLink kind={p.kind} namespace={p.namespace} name={p.name}>
        {`${p.namespace}/${p.name}`}
      </DetailLink>
    );
  return (
    <li className="flex items-center justify-between gap-3 rounded border border-slate-200 px-2 py-1" data-testid="peer" data-key={`${p.direction}:${p.namespace}/${p.name}`}>
      <span className="min-w-0 truncate">{name}</span>
      <span className="shrink-0 text-xs tabular-nums text-slate-600">
        {formatRps(p.rps)} rps
        {p.errorPercent >= 0.01 && <span className="ml-1 text-red-700">{p.errorPercent.toFixed(1)}% err</span>}
      </span>
    </li>
  );
}

/**
 * The object's neighbourhood, centred on it: who calls it (left), what it calls (right), with request
 * rates and server-error shares over the health window.
 */
export function PeersPanel({ name, peers, window }: { name: string; peers: readonly PeerTraffic[]; window: string }) {
  const inbound = peers.filter((p) => p.direction === "inbound");
  const outbound = peers.filter((p) => p.direction === "outbound");
  return (
    <Panel title={`Traffic peers (last ${window})`} testId="peers-panel">
      <div className="grid grid-cols-[1fr_auto_1fr] items-center gap-3">
        <div>
          <h3 className="mb-1 text-xs font-medium uppercase text-slate-500">Inbound from</h3>
          {inbound.length ? <ul className="space-y-1">{inbound.map((p) => <Peer key={`${p.kind}/${p.namespace}/${p.name}`} p={p} />)}</ul> : <p className="text-slate-400">no callers</p>}
        </div>
        <div className="flex items-center gap-2 text-slate-400" aria-hidden>
          <span>→</span>
          <span className="rounded-full bg-blue-600 px-3 py-1.5 text-xs font-medium text-white">{name}</span>
          <span>→</span>
        </div>
        <div>
          <h3 className="mb-1 text-xs font-medium uppercase text-slate-500">Outbound to</h3>
          {outbound.length ? <ul className="space-y-1">{outbound.map((p) => <Peer key={`${p.kind}/${p.namespace}/${p.name}`} p={p} />)}</ul> : <p className="text-slate-400">no calls</p>}
        </div>
      </div>
    </Panel>
  );
}
