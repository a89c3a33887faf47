/**
 * Traffic shifting (canary weights, promote, roll back): one catch-all route splitting the Service's
 * traffic across its version subsets, and the DestinationRule defining those subsets.
 */
import type { TrafficShiftingInput } from "../inputs";
import { invalid, plan, refOf, success } from "./objects";
import {
  currentWeights,
  destinationRuleWithSubsets,
  inheritedRouteSettings,
  PREVIOUS_WEIGHTS_ANNOTATION,
  type VersionWeight,
  unknownVersions,
  virtualServiceWith,
  weightedDestinations,
} from "./routes";
import { serviceRouting } from "./service-routing";
import { isFailure, requireService } from "./target";
import type { BuildResult, WizardSnapshot } from "./types";

const sameWeights = (a: readonly VersionWeight[], b: readonly VersionWeight[]) =>
  a.length === b.length && a.every((w, i) => w.version === b[i]?.version && w.weight === b[i]?.weight);

/**
 * Replaces the Service's HTTP routes with one weighted route (the catch-all route's other settings,
 * such as fault injection and timeouts, are kept), adds missing version subsets to its
 * DestinationRule, and, when the weights change, records the weights in force in the
 * `meshscope.io/previous-weights` annotation so that the UI can roll back.
 */
export function buildTrafficShifting(snap: WizardSnapshot, input: TrafficShiftingInput): BuildResult {
  const svc = requireService(snap);
  if (isFailure(svc)) return svc;
  const issues = unknownVersions(input.weights, snap.versions, ["input", "weights"]);
  if (issues.length > 0) return invalid(issues);
  const routing = serviceRouting(snap, svc);
  if (isFailure(routing)) return routing;
  const { vs, dr, warnings } = routing;

  const before = currentWeights(vs, svc, snap.versions);
  const annotations: Record<string, string> = before && !sameWeights(before, input.weights) ? { [PREVIOUS_WEIGHTS_ANNOTATION]: JSON.stringify(before) } : {};
  const http = [{ ...inheritedRouteSettings(vs), route: weightedDestinations(svc, input.weights, snap.versions) }];
  const dropped = (vs?.spec?.http ?? []).filter((r) => (r.match ?? []).length > 0).length;
  if (vs && dropped > 0) {
    warnings.push({ code: "routes-replaced", message: `${refOf(vs)} has ${dropped} rule(s) with match conditions; traffic shifting replaces them with one weighted route` });
  }
  return success([plan(destinationRuleWithSubsets(svc, dr, snap.versions), dr), plan(virtualServiceWith(svc, vs, http, annotations), vs)], warnings);
}
