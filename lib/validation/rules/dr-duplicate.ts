/**
 * DR003: two DestinationRules for the same host that both set host-wide policy (a `trafficPolicy`,
 * or no subsets at all), or that both define a subset of the same name. In one namespace Istio
 * merges them and, where both define something, keeps the oldest; across namespaces which one a
 * client uses depends on the client's namespace. Rules with a `workloadSelector` are left out (they
 * are not merged), and so is `exportTo`.
 */
import type { Config } from "../config";
import { destinationRulesWithHost, drHost } from "../dr-lookup";
import { defineRule } from "../rule";
import { compareRefs, refLabel, type ObjectRef } from "../types";
import { hasLabels } from "../workloads";

const hostWide = (dr: Config<"DestinationRule">) => dr.spec.trafficPolicy !== undefined || (dr.spec.subsets ?? []).length === 0;

function consequence(self: ObjectRef, others: ObjectRef[]): string {
  return others.every((o) => o.namespace === self.namespace)
    ? "Istio merges them and, where both define it, keeps the oldest"
    : "which one a client uses depends on the client's namespace";
}

export const drDuplicate = defineRule({
  code: "DR003",
  kind: "DestinationRule",
  needs: ["destinationRules"],
  check(dr, ctx, report) {
    if (hasLabels(dr.spec.workloadSelector?.matchLabels)) return;
    const host = drHost(ctx, dr);
    if (!host) return;
    const others = destinationRulesWithHost(ctx, host).filter(
      (o) => !(o.ref.namespace === dr.ref.namespace && o.ref.name === dr.ref.name) && !hasLabels(o.spec.workloadSelector?.matchLabels),
    );
    if (others.length === 0) return;
    if (hostWide(dr)) {
      const clash = others.filter(hostWide).map((o) => o.ref).sort(compareRefs);
      if (clash.length > 0) report(["spec", "host"], `Host ${host} also has host-wide policy in ${clash.map(refLabel).join(", ")}: ${consequence(dr.ref, clash)}`, clash);
    }
    (dr.spec.subsets ?? []).forEach((s, i) => {
      if (!s.name) return;
      const clash = others.filter((o) => (o.spec.subsets ?? []).some((x) => x.name === s.name)).map((o) => o.ref).sort(compareRefs);
      if (clash.length > 0) report(["spec", "subsets", i, "name"], `Subset "${s.name}" of ${host} is also defined by ${clash.map(refLabel).join(", ")}: ${consequence(dr.ref, clash)}`, clash);
    });
  },
});
