/**
 * Who calls a wizard's target, from Istio's telemetry: one instant query over `istio_requests_total`
 * as the target's own sidecars reported it (`reporter="destination"`), and its samples turned into
 * callers (the authorization wizard proposes them; the mtls wizard warns about those without a sidecar).
 */
import { byLabels, labelEquals, selector } from "@/lib/promql/escape";
import type { PromSample } from "@/lib/promql/types";
import type { WizardTarget } from "./api";
import type { CallerInfo } from "./builders/types";

/** How far back callers are looked for. */
export const CALLERS_WINDOW = "10m";

const UNKNOWN = "unknown";
const GROUP = ["source_workload", "source_workload_namespace", "source_principal", "connection_security_policy", "destination_workload"];

/**
 * The query: requests received in the last {@link CALLERS_WINDOW} by the target Service (its FQDN
 * in `destination_service`), else by the target workload, else by the target namespace's workloads.
 */
export function callersQuery(target: WizardTarget, serviceFqdn?: string): string {
  const matchers = [labelEquals("reporter", "destination")];
  if (target.service && serviceFqdn) matchers.push(labelEquals("destination_service", serviceFqdn));
  else {
    matchers.push(labelEquals("destination_workload_namespace", target.namespace));
    if (target.workload) matchers.push(labelEquals("destination_workload", target.workload));
  }
  return `sum ${byLabels(GROUP)} (increase(${selector("istio_requests_total", matchers)}[${CALLERS_WINDOW}])) > 0`;
}

/** `spiffe://cluster.local/ns/a/sa/b` → `cluster.local/ns/a/sa/b` (how AuthorizationPolicies write principals). */
export function principalOf(sourcePrincipal: string | undefined): string | null {
  if (!sourcePrincipal || sourcePrincipal === UNKNOWN) return null;
  return sourcePrincipal.replace(/^spiffe:\/\//, "");
}

/**
 * Callers from the query's samples, one per source workload, sorted. A caller has a sidecar when its
 * requests came over mutual TLS or `sidecarOf` (its pods, when known) says so; a source the server
 * could not identify (`unknown`) has none — its requests carried no peer metadata.
 */
export function toCallers(samples: readonly PromSample[], sidecarOf: (namespace: string, workload: string) => boolean | undefined): CallerInfo[] {
  const byKey = new Map<string, CallerInfo>();
  for (const s of samples) {
    if (!(s.value > 0)) continue;
    const m = s.metric;
    const namespace = m["source_workload_namespace"] || UNKNOWN;
    const workload = m["source_workload"] || UNKNOWN;
    const key = `${namespace}/${workload}`;
    const c = byKey.get(key) ?? { namespace, workload, principal: null, sidecar: false, destinations: [] };
    c.principal ??= principalOf(m["source_principal"]);
    const known = workload !== UNKNOWN && namespace !== UNKNOWN;
    c.sidecar ||= m["connection_security_policy"] === "mutual_tls" || (known && sidecarOf(namespace, workload) === true);
    const dest = m["destination_workload"];
    if (dest && dest !== UNKNOWN && !c.destinations.includes(dest)) c.destinations.push(dest);
    byKey.set(key, c);
  }
  return [...byKey.values()]
    .map((c) => ({ ...c, destinations: c.destinations.sort() }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.workload.localeCompare(b.workload));
}
