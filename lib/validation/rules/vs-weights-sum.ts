/**
 * VS001: weights of a route list with several destinations that do not add up to 100. Istio accepts
 * any positive total and splits traffic in proportion (weight / total), which is rarely what a
 * total of 99 or 110 meant; a destination without a weight gets no traffic at all.
 */
import { defineRule } from "../rule";
import { routeLists } from "../vs-routes";

const pct = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}%`;

export const vsWeightsSum = defineRule({
  code: "VS001",
  kind: "VirtualService",
  needs: [],
  check(vs, _ctx, report) {
    for (const { path, route } of routeLists(vs.spec)) {
      if (route.length < 2) continue;
      const weights = route.map((d) => d.weight ?? 0);
      const total = weights.reduce((a, b) => a + b, 0);
      // VS002 reports what Istio rejects.
      if (total === 100 || total <= 0 || weights.some((w) => w < 0)) continue;
      const shares = weights.map((w) => pct((w / total) * 100)).join(" / ");
      const unweighted = route.filter((d) => d.weight === undefined).length;
      const note = unweighted > 0 ? `; ${unweighted} destination(s) without a weight get no traffic` : "";
      report(path, `Weights add up to ${total}, not 100: Istio splits traffic in proportion (${shares})${note}`);
    }
  },
});
