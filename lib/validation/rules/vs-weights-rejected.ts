/**
 * VS002: weights Istio's validation rejects: a negative weight, or a route list with several
 * destinations whose weights are all 0 or omitted ("total destination weight = 0").
 */
import { defineRule } from "../rule";
import { routeLists } from "../vs-routes";

export const vsWeightsRejected = defineRule({
  code: "VS002",
  kind: "VirtualService",
  needs: [],
  check(vs, _ctx, report) {
    for (const { path, route } of routeLists(vs.spec)) {
      route.forEach((d, j) => {
        if (d.weight !== undefined && d.weight < 0) report([...path, j, "weight"], `Weight ${d.weight} is negative: Istio rejects it`);
      });
      if (route.length < 2 || route.some((d) => (d.weight ?? 0) < 0)) continue;
      const total = route.reduce((a, d) => a + (d.weight ?? 0), 0);
      if (total === 0) report(path, `${route.length} destinations and no weight above 0: Istio rejects a total weight of 0`);
    }
  },
});
