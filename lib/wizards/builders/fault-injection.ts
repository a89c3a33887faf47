/** Fault injection: a delay and/or an abort on a share of the Service's requests. */
import type { FaultInjectionInput } from "../inputs";
import { editEveryRoute } from "./route-settings";
import { type HttpRoute, toIstioDuration } from "./routes";
import type { BuildResult, WizardSnapshot } from "./types";

/** Istio's `HTTPFaultInjection` for the input. */
export function toFault(input: FaultInjectionInput): NonNullable<HttpRoute["fault"]> {
  const fault: NonNullable<HttpRoute["fault"]> = {};
  if (input.delay) fault.delay = { fixedDelay: toIstioDuration(input.delay.fixedDelay), percentage: { value: input.delay.percentage } };
  if (input.abort) fault.abort = { httpStatus: input.abort.httpStatus, percentage: { value: input.abort.percentage } };
  return fault;
}

/**
 * Puts the delay and/or abort on every HTTP route of the Service, replacing any fault there (the
 * wizard owns `fault`: what the input leaves out is removed).
 */
export function buildFaultInjection(snap: WizardSnapshot, input: FaultInjectionInput): BuildResult {
  const fault = toFault(input);
  return editEveryRoute(snap, (route) => ({ ...route, fault: structuredClone(fault) }));
}
