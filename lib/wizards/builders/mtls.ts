/**
 * mTLS: the PeerAuthentication of a namespace (`default`) or of one workload (named after it, with a
 * selector), the matching DestinationRule TLS modes (see mtls-destination-rules.ts), and the effective
 * mode of every workload of the namespace before and after.
 */
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import type { EffectiveMtls, WizardWarning } from "../api";
import type { MtlsInput, MtlsMode } from "../inputs";
import { failure, managedMetadata, plan, refOf, success } from "./objects";
import { mtlsDestinationRules } from "./mtls-destination-rules";
import { effectiveMode, hasSelector, namespacePolicies } from "./mtls-effective";
import { isFailure, requireWorkload } from "./target";
import type { BuildResult, WizardSnapshot, WorkloadInfo } from "./types";

const sameLabels = (a: Record<string, string> = {}, b: Record<string, string> = {}) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The policy the wizard edits: the namespace's oldest selector-less one, or the workload's own (by name, else by the same selector). */
function currentPolicy(snap: WizardSnapshot, workload: WorkloadInfo | undefined): IPeerAuthentication | undefined {
  const ns = snap.target.namespace;
  if (!workload) return namespacePolicies(snap.peerAuthentications, ns)[0];
  const own = snap.peerAuthentications.filter((p) => p.metadata?.namespace === ns && hasSelector(p));
  return own.find((p) => p.metadata?.name === workload.name) ?? own.find((p) => sameLabels(p.spec?.selector?.matchLabels, workload.selector));
}

/** Sets the mode on the namespace (or `target.workload`) and the client side to match. */
export function buildMtls(snap: WizardSnapshot, input: MtlsInput): BuildResult {
  const ns = snap.target.namespace;
  let workload: WorkloadInfo | undefined;
  if (snap.target.workload) {
    const w = requireWorkload(snap);
    if (isFailure(w)) return w;
    workload = w;
  }
  const current = currentPolicy(snap, workload);
  const name = current?.metadata?.name ?? workload?.name ?? "default";
  const squatter = current ? undefined : snap.peerAuthentications.find((p) => p.metadata?.namespace === ns && p.metadata.name === name);
  if (squatter) return failure(409, `${refOf(squatter)} exists with another scope: the wizard cannot write its policy under that name`);

  const pa: IPeerAuthentication = {
    apiVersion: "security.istio.io/v1",
    kind: "PeerAuthentication",
    metadata: managedMetadata(current?.metadata, name, ns),
    spec: { ...current?.spec, ...(workload ? { selector: { matchLabels: { ...workload.selector } } } : {}), mtls: { mode: input.mode } },
  };
  const others = snap.peerAuthentications.filter((p) => !(p.metadata?.namespace === ns && p.metadata.name === name));
  const before = (w: WorkloadInfo) => effectiveMode(snap.peerAuthentications, snap.rootNamespace, w.namespace, w.labels);
  const afterOf = (w: WorkloadInfo) => effectiveMode([...others, pa], snap.rootNamespace, w.namespace, w.labels);
  const scope = workload ? [workload] : snap.workloads;

  const drs = mtlsDestinationRules(snap, scope, (w) => afterOf(w).mode);
  const warnings = [...mtlsWarnings(snap, scope, input.mode, before, afterOf), ...drs.warnings];
  if (!workload && ns === snap.rootNamespace) warnings.unshift({ code: "mesh-wide", message: `${ns} is Istio's root namespace: this policy applies to the whole mesh` });
  const mtls: EffectiveMtls[] = snap.workloads.map((w) => ({ workload: w.name, namespace: w.namespace, sidecar: w.sidecar, before: before(w).mode, after: afterOf(w).mode }));
  return success([plan(pa, current), ...drs.changes], warnings, mtls);
}

function mtlsWarnings(
  snap: WizardSnapshot,
  scope: readonly WorkloadInfo[],
  mode: MtlsMode,
  before: (w: WorkloadInfo) => { mode: MtlsMode },
  after: (w: WorkloadInfo) => { mode: MtlsMode; policy?: IPeerAuthentication },
): WizardWarning[] {
  const warnings: WizardWarning[] = [];
  for (const w of scope) {
    const a = after(w);
    if (!w.sidecar) warnings.push({ code: "no-sidecar", message: `${w.name} has no sidecar: PeerAuthentication does not apply to it` });
    else if (a.mode !== mode) warnings.push({ code: "overridden", message: `${w.name} stays ${a.mode}: ${a.policy ? refOf(a.policy) : "another policy"} decides for it` });
  }
  const turnedStrict = scope.filter((w) => w.sidecar && after(w).mode === "STRICT" && before(w).mode !== "STRICT").map((w) => w.name);
  if (turnedStrict.length > 0) {
    if (snap.callers === null) {
      warnings.push({ code: "callers-unknown", message: "telemetry is unavailable: callers without a sidecar, which STRICT would refuse, could not be checked" });
    } else {
      const plaintext = snap.callers.filter((c) => !c.sidecar && (c.destinations.length === 0 || c.destinations.some((d) => turnedStrict.includes(d))));
      if (plaintext.length > 0) {
        const who = plaintext.map((c) => (c.workload === "unknown" ? "callers outside the mesh" : `${c.namespace}/${c.workload}`));
        warnings.push({
          code: "strict-breaks-callers",
          message: `STRICT would refuse plaintext requests from ${[...new Set(who)].join(", ")} (no sidecar), seen calling ${turnedStrict.join(", ")} in the last 10 minutes`,
        });
      }
    }
  }
  if (mode === "DISABLE") {
    const identityRules = snap.authorizationPolicies.filter((p) => (p.spec?.rules ?? []).some((r) => (r.from ?? []).some((f) => f.source?.principals || f.source?.namespaces || f.source?.notPrincipals || f.source?.notNamespaces)));
    if (identityRules.length > 0) {
      warnings.push({ code: "authz-needs-mtls", message: `${identityRules.map(refOf).join(", ")} match callers by identity, which only mTLS carries: without it they no longer match` });
    }
  }
  return warnings;
}
