import "server-only";
import type { WizardTarget } from "@/lib/wizards/api";
import { serviceFqdn } from "@/lib/wizards/builders/objects";
import type { CallerInfo, ServiceInfo } from "@/lib/wizards/builders/types";
import { callersQuery, toCallers } from "@/lib/wizards/callers";
import type { KubeReader } from "../../kube/reader";
import { instantQuery } from "../../prometheus/query";
import { readWorkloads } from "./workloads";

/** Callers, or why telemetry could not say. */
export type CallersResult = { ok: true; callers: CallerInfo[] } | { ok: false; message: string };

/**
 * Who called the target in the last 10 minutes: one instant query, then the sidecar of callers whose
 * requests were not mTLS looked up in their pods (a caller with a sidecar may still send plaintext,
 * e.g. to a DISABLE server). Never throws: a failure is the result's message.
 */
export async function loadCallers(reader: KubeReader, target: WizardTarget, service: ServiceInfo | undefined): Promise<CallersResult> {
  try {
    const { samples } = await instantQuery(callersQuery(target, service ? serviceFqdn(service) : undefined), { operation: "wizard_callers" });
    const namespaces = [...new Set(samples.map((s) => s.metric["source_workload_namespace"]).filter((ns): ns is string => !!ns && ns !== "unknown"))];
    const workloads = await readWorkloads(reader, namespaces).catch(() => []);
    const sidecars = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w.sidecar]));
    return { ok: true, callers: toCallers(samples, (ns, w) => sidecars.get(`${ns}/${w}`)) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
