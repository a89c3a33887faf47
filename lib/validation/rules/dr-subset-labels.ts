/**
 * DR002: a subset whose labels match none of the workloads behind the rule's Service. Traffic routed
 * to the subset finds no endpoint and fails with 503 (`UH`). Checked for hosts that are Services with
 * a selector; ServiceEntry hosts and wildcards are not.
 */
import { serviceByHost, serviceWorkloads } from "../context";
import { drHost } from "../dr-lookup";
import { defineRule } from "../rule";
import { hasLabels } from "../workloads";
import { matchesSelector } from "@/lib/inventory/workloads";

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(",");

export const drSubsetLabels = defineRule({
  code: "DR002",
  kind: "DestinationRule",
  needs: ["services", "workloads"],
  check(dr, ctx, report) {
    const svc = serviceByHost(ctx, drHost(ctx, dr));
    if (!svc || !hasLabels(svc.spec.selector)) return;
    const workloads = serviceWorkloads(ctx, svc);
    (dr.spec.subsets ?? []).forEach((subset, i) => {
      const labels = subset.labels;
      if (!hasLabels(labels)) return;
      if (workloads.some((w) => matchesSelector(labels, w.labels))) return;
      const name = subset.name ? `Subset "${subset.name}"` : "Subset";
      const why = workloads.length === 0 ? `Service ${svc.ref.namespace}/${svc.ref.name} has no workloads` : `no workload of Service ${svc.ref.namespace}/${svc.ref.name} has them`;
      report(["spec", "subsets", i, "labels"], `${name} selects ${labelText(labels)}, but ${why}`, [svc.ref]);
    });
  },
});
