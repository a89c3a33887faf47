/**
 * The client side of the mtls wizard: the `trafficPolicy.tls.mode` of the DestinationRules of the
 * Services in scope, matched to what their servers accept after the change.
 *
 * What is written, and why: a Service whose workloads all end up DISABLE gets `tls.mode: DISABLE` —
 * Istio's auto mTLS only looks for a sidecar, so without it clients keep sending mTLS that those
 * servers no longer accept. A Service whose workloads all have a sidecar and end up STRICT or
 * PERMISSIVE gets `ISTIO_MUTUAL`, which makes the clients' choice explicit (and overrides an earlier
 * DISABLE). Services whose workloads disagree (some DISABLE, some not) or lack sidecars are left as
 * they are, with a warning: one host-wide mode would break some of them. The Service's own
 * DestinationRule is edited (a new one is named after it): a namespace-wide `*.ns.svc` rule would not
 * apply to Services that have their own, since Istio uses only the most specific rule for a host.
 */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import { matchesSelector } from "@/lib/inventory/workloads";
import type { WizardWarning } from "../api";
import type { MtlsMode } from "../inputs";
import { managedMetadata, plan, refOf, serviceFqdn } from "./objects";
import { serviceDestinationRules } from "./service-routing";
import type { PlannedChange, ServiceInfo, WizardSnapshot, WorkloadInfo } from "./types";

type TlsMode = "ISTIO_MUTUAL" | "DISABLE";

/** The DestinationRule for `svc` with `tls.mode` set (the rest of the rule, and a same-mode `tls`, kept). */
export function destinationRuleWithTls(svc: ServiceInfo, current: IDestinationRule | undefined, mode: TlsMode): IDestinationRule {
  const policy = current?.spec?.trafficPolicy ?? {};
  const tls = policy.tls?.mode === mode ? policy.tls : { mode };
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "DestinationRule",
    metadata: managedMetadata(current?.metadata, current?.metadata?.name ?? svc.name, svc.namespace),
    spec: { ...(current?.spec ?? { host: serviceFqdn(svc) }), trafficPolicy: { ...policy, tls } },
  };
}

/**
 * DestinationRule changes for the Services in front of `scope` (every Service of the namespace whose
 * selector matches a workload in scope), given each workload's mode after the change.
 */
export function mtlsDestinationRules(
  snap: WizardSnapshot,
  scope: readonly WorkloadInfo[],
  after: (w: WorkloadInfo) => MtlsMode,
): { changes: PlannedChange[]; warnings: WizardWarning[] } {
  const changes: PlannedChange[] = [];
  const warnings: WizardWarning[] = [];
  const services = snap.services.filter((s) => scope.some((w) => matchesSelector(s.selector, w.labels)));
  for (const svc of services) {
    const behind = snap.workloads.filter((w) => matchesSelector(svc.selector, w.labels));
    const modes = behind.map(after);
    const mode: TlsMode | undefined = modes.every((m) => m === "DISABLE")
      ? "DISABLE"
      : modes.every((m) => m !== "DISABLE") && behind.every((w) => w.sidecar)
        ? "ISTIO_MUTUAL"
        : undefined;
    if (!mode) {
      if (modes.includes("DISABLE") && modes.some((m) => m !== "DISABLE")) {
        warnings.push({ code: "mixed-modes", message: `Service ${svc.namespace}/${svc.name} has workloads with and without mTLS: its DestinationRule is left as it is` });
      }
      continue;
    }
    const [current] = serviceDestinationRules(snap, svc);
    const squatter = current ? undefined : snap.destinationRules.find((d) => d.metadata?.name === svc.name);
    if (squatter) {
      warnings.push({ code: "destinationrule-name-taken", message: `${refOf(squatter)} is for another host: no DestinationRule written for ${serviceFqdn(svc)}` });
      continue;
    }
    const subsetModes = (current?.spec?.subsets ?? []).filter((s) => s.trafficPolicy?.tls?.mode && s.trafficPolicy.tls.mode !== mode).map((s) => s.name);
    if (current && subsetModes.length > 0) {
      warnings.push({ code: "subset-tls", message: `${refOf(current)}: subsets ${subsetModes.join(", ")} set their own tls.mode, which overrides ${mode} for them` });
    }
    changes.push(plan(destinationRuleWithTls(svc, current, mode), current));
  }
  return { changes, warnings };
}
