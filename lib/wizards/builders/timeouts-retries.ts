/** Timeouts and retries on the Service's requests. */
import { durationMs, type TimeoutsRetriesInput } from "../inputs";
import { editEveryRoute } from "./route-settings";
import { type HttpRoute, toIstioDuration } from "./routes";
import type { BuildResult, WizardSnapshot } from "./types";

/**
 * Sets `timeout` and `retries` on a route as the input says. The wizard owns both fields: what the
 * input leaves out is removed, so Istio's defaults apply again (no timeout, 2 attempts on connect
 * failures and refused streams).
 */
export function withTimeouts(route: HttpRoute, input: TimeoutsRetriesInput): HttpRoute {
  const out: HttpRoute = { ...route };
  delete out.timeout;
  delete out.retries;
  if (input.timeout) out.timeout = toIstioDuration(input.timeout);
  if (input.retries) {
    const { attempts, perTryTimeout, retryOn } = input.retries;
    out.retries = { attempts, ...(perTryTimeout ? { perTryTimeout: toIstioDuration(perTryTimeout) } : {}), ...(retryOn.length > 0 ? { retryOn: retryOn.join(",") } : {}) };
  }
  return out;
}

/**
 * Puts the timeout and/or retry policy on every HTTP route of the Service, warning when the overall
 * timeout ends the request before the retries could run (`attempts` counts retries, so up to
 * `attempts + 1` tries of `perTryTimeout` each).
 */
export function buildTimeoutsRetries(snap: WizardSnapshot, input: TimeoutsRetriesInput): BuildResult {
  const result = editEveryRoute(snap, (route) => withTimeouts(route, input));
  const perTry = input.retries?.perTryTimeout;
  if (result.ok && input.timeout && perTry && input.retries && input.retries.attempts > 0) {
    const tries = input.retries.attempts + 1;
    if (durationMs(perTry) * tries > durationMs(input.timeout)) {
      result.warnings.push({ code: "retries-cut-short", message: `${tries} tries of ${perTry} take longer than the ${input.timeout} timeout: the last retries never run` });
    }
  }
  return result;
}
