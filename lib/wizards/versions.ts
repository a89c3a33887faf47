/**
 * A Service's versions: the `version` labels of the workloads behind it, each with the
 * DestinationRule subset the wizards route to.
 */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import { matchesSelector } from "@/lib/inventory/workloads";
import type { ServiceVersion } from "./api";
import type { ServiceInfo, WorkloadInfo } from "./builders/types";

/** The pod label versions are read from (and subsets select on). */
export const VERSION_LABEL = "version";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A subset name for a version: the version itself when it is a DNS-1123 label, else a cleaned-up form (`1.0` → `1-0`). */
export function subsetNameFor(version: string): string {
  if (DNS_LABEL.test(version) && version.length <= 63) return version;
  const cleaned = version
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return cleaned || "version";
}

/**
 * The versions of `svc`, sorted: one per distinct `version` label among the workloads its selector
 * matches. The subset is an existing one of `dr` that selects exactly those workloads by that
 * version (so current routes stay valid), else {@link subsetNameFor}, made unique among `dr`'s subsets.
 */
export function serviceVersions(svc: ServiceInfo, workloads: readonly WorkloadInfo[], dr: IDestinationRule | undefined): ServiceVersion[] {
  const behind = workloads.filter((w) => w.namespace === svc.namespace && matchesSelector(svc.selector, w.labels));
  const byVersion = new Map<string, WorkloadInfo[]>();
  for (const w of behind) {
    const v = w.labels[VERSION_LABEL];
    if (v) byVersion.set(v, [...(byVersion.get(v) ?? []), w]);
  }
  const subsets = dr?.spec?.subsets ?? [];
  const taken = new Set(subsets.map((s) => s.name));
  return [...byVersion.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([version, ws]) => {
      const existing = subsets.find((s) => s.labels?.[VERSION_LABEL] === version && ws.every((w) => matchesSelector(s.labels, w.labels)));
      let subset = existing?.name;
      if (!subset) {
        const base = subsetNameFor(version);
        subset = base;
        for (let i = 2; taken.has(subset); i++) subset = `${base.slice(0, 60)}-${i}`;
        taken.add(subset);
      }
      return { version, subset, workloads: ws.map((w) => w.name).sort(), sidecar: ws.every((w) => w.sidecar) };
    });
}
