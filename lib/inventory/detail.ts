import type { ChosenTraffic } from "@/lib/metrics/tallies";
import type { Judged } from "./list-items";
import type { HealthDetail, PeerTraffic } from "./schemas";

/** A judged object's health as detail pages show it: ratios, request rates per direction and protocol, replicas. */
export function toHealthDetail(j: Judged<{ health: { requestsKnown: boolean; reasons: string[] } }>, windowSeconds: number): HealthDetail {
  const w = windowSeconds > 0 ? windowSeconds : 1;
  const h = j.health;
  return {
    status: h.status,
    reasons: j.item.health.reasons,
    problems: h.problems,
    requestsKnown: j.item.health.requestsKnown,
    ratios: h.requests.ratios.map((r) => ({
      direction: r.direction,
      protocol: r.protocol,
      label: r.label,
      rule: r.rule,
      source: r.source,
      errors: r.errors,
      requests: r.requests,
      percent: r.percent,
      thresholds: r.thresholds,
      status: r.status,
    })),
    totals: h.requests.totals.map((t) => ({ direction: t.direction, protocol: t.protocol, rps: t.requests / w })),
    ...(h.replicas ? { replicas: { desired: h.replicas.desired, available: h.replicas.available } } : {}),
  };
}

/** Peers with their request rate and server-error share, busiest first within each direction. */
export function toPeerTraffic(t: ChosenTraffic, windowSeconds: number): PeerTraffic[] {
  const w = windowSeconds > 0 ? windowSeconds : 1;
  return t.peers
    .map((p) => ({
      direction: p.direction,
      kind: p.kind,
      namespace: p.namespace,
      name: p.name,
      rps: p.requests / w,
      errorPercent: p.requests > 0 ? (p.errors * 100) / p.requests : 0,
    }))
    .sort((a, b) => a.direction.localeCompare(b.direction) || b.rps - a.rps || a.name.localeCompare(b.name));
}
