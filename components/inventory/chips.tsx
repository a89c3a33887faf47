import type { IstioRef } from "@/lib/inventory/schemas";

const ABBREVIATION: Record<string, string> = {
  VirtualService: "VS",
  DestinationRule: "DR",
  Gateway: "GW",
  ServiceEntry: "SE",
  Sidecar: "SC",
  PeerAuthentication: "PA",
  AuthorizationPolicy: "AP",
  RequestAuthentication: "RA",
};

/** Istio objects as short chips (`VS reviews`), the full kind and scope on hover. */
export function IstioChips({ refs, max = 4 }: { refs: readonly IstioRef[]; max?: number }) {
  if (refs.length === 0) return <span className="text-slate-400">—</span>;
  const shown = refs.slice(0, max);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((r) => (
        <span
          key={`${r.kind}/${r.namespace}/${r.name}`}
          title={`${r.kind} ${r.namespace}/${r.name} (${r.scope})`}
          className="rounded bg-violet-50 px-1 py-0.5 text-[11px] text-violet-800 ring-1 ring-violet-200"
        >
          <span className="font-semibold">{ABBREVIATION[r.kind] ?? r.kind}</span> {r.name}
        </span>
      ))}
      {refs.length > max && <span className="text-[11px] text-slate-500">+{refs.length - max}</span>}
    </span>
  );
}

/** Labels Istio's injection adds to every pod: left out of list cells (still in the tooltip). */
const NOISE = /^(service|security)\.istio\.io\//;

/** `key=value` labels as small chips on one line, the rest counted; all of them on hover. */
export function LabelChips({ labels, max = 2 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  const shown = entries.filter(([k]) => !NOISE.test(k));
  return (
    <span className="flex flex-nowrap items-center gap-1 overflow-hidden" title={entries.map(([k, v]) => `${k}=${v}`).join("\n")}>
      {shown.slice(0, max).map(([k, v]) => (
        <span key={k} className="max-w-40 shrink truncate rounded bg-slate-100 px-1 py-0.5 font-mono text-[11px] text-slate-600">
          {k}={v}
        </span>
      ))}
      {entries.length > Math.min(max, shown.length) && <span className="shrink-0 text-[11px] text-slate-500">+{entries.length - Math.min(max, shown.length)}</span>}
    </span>
  );
}

/** Whether pods carry Istio's sidecar. */
export function SidecarCell({ state }: { state: "present" | "missing" | "partial" | "none" }) {
  if (state === "present") return <span className="text-slate-700">present</span>;
  if (state === "partial") return <span className="text-amber-700">some pods</span>;
  if (state === "none") return <span className="text-slate-400">no pods</span>;
  return <span className="font-medium text-amber-700">missing</span>;
}
