/**
 * VS003: a route list with a single destination and an explicit weight other than 100. Istio sends
 * all the traffic to a lone destination whatever its weight, so the number misleads readers (a
 * `weight: 0` meant to drain it does not).
 */
import { defineRule } from "../rule";
import { routeLists } from "../vs-routes";

export const vsLoneWeight = defineRule({
  code: "VS003",
  kind: "VirtualService",
  needs: [],
  check(vs, _ctx, report) {
    for (const { path, route } of routeLists(vs.spec)) {
      const only = route[0];
      if (route.length !== 1 || only?.weight === undefined || only.weight === 100) continue;
      report([...path, 0, "weight"], `Weight ${only.weight} on the only destination: Istio sends it 100% of the traffic`);
    }
  },
});
