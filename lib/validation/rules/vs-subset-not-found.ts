/**
 * VS005: a destination naming a subset that no DestinationRule for its host defines. Envoy has no
 * cluster for the subset: requests fail with 503 (`NR`).
 */
import { destinationRulesFor } from "../dr-lookup";
import { resolveHost } from "../hosts";
import { defineRule } from "../rule";
import { destinations } from "../vs-routes";

export const vsSubsetNotFound = defineRule({
  code: "VS005",
  kind: "VirtualService",
  needs: ["destinationRules"],
  check(vs, ctx, report) {
    for (const { path, destination } of destinations(vs.spec)) {
      const subset = destination.subset?.trim();
      const raw = destination.host?.trim();
      if (!subset || !raw) continue;
      const host = resolveHost(raw, vs.ref.namespace, ctx.options.clusterDomain);
      const rules = destinationRulesFor(ctx, host);
      const defined = [...new Set(rules.flatMap((dr) => (dr.spec.subsets ?? []).map((s) => s.name ?? "")))].filter(Boolean).sort();
      if (defined.includes(subset)) continue;
      const related = rules.map((dr) => dr.ref);
      const message =
        rules.length === 0
          ? `Subset "${subset}" is not defined: no DestinationRule for host ${host}`
          : `Subset "${subset}" is not defined by the DestinationRule for host ${host} (${defined.length > 0 ? `defines ${defined.join(", ")}` : "defines no subsets"})`;
      report([...path, "subset"], message, related);
    }
  },
});
