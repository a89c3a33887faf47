import type { FaultInjectionInput, RETRY_ON, TimeoutsRetriesInput } from "../inputs";
import { parseNumber } from "./numbers";

/**
 * The fault-injection and timeouts/retries forms: what the fields hold (text, so that a bad number is
 * reported on its field) and the input they stand for. A part left unticked is not sent.
 */

export interface FaultDraft {
  delay: { enabled: boolean; fixedDelay: string; percentage: string };
  abort: { enabled: boolean; httpStatus: string; percentage: string };
}

/** A 5 s delay for 10% of requests: a typical first experiment. */
export const initialFault = (): FaultDraft => ({
  delay: { enabled: true, fixedDelay: "5s", percentage: "10" },
  abort: { enabled: false, httpStatus: "503", percentage: "10" },
});

/** The fault-injection input of the form. */
export function faultInput(d: FaultDraft): FaultInjectionInput {
  return {
    ...(d.delay.enabled ? { delay: { fixedDelay: d.delay.fixedDelay.trim(), percentage: parseNumber(d.delay.percentage) } } : {}),
    ...(d.abort.enabled ? { abort: { httpStatus: parseNumber(d.abort.httpStatus), percentage: parseNumber(d.abort.percentage) } } : {}),
  };
}

export interface TimeoutsDraft {
  timeout: { enabled: boolean; value: string };
  retries: { enabled: boolean; attempts: string; perTryTimeout: string; retryOn: Array<(typeof RETRY_ON)[number]> };
}

/** Istio's own retry defaults (2 attempts on connect failures, refused streams, 503s) as a start. */
export const initialTimeouts = (): TimeoutsDraft => ({
  timeout: { enabled: true, value: "10s" },
  retries: { enabled: true, attempts: "2", perTryTimeout: "", retryOn: ["connect-failure", "refused-stream", "unavailable", "cancelled", "retriable-status-codes"] },
});

/** The timeouts/retries input of the form (an empty per-try timeout is left out). */
export function timeoutsInput(d: TimeoutsDraft): TimeoutsRetriesInput {
  return {
    ...(d.timeout.enabled ? { timeout: d.timeout.value.trim() } : {}),
    ...(d.retries.enabled
      ? {
          retries: {
            attempts: parseNumber(d.retries.attempts),
            ...(d.retries.perTryTimeout.trim() ? { perTryTimeout: d.retries.perTryTimeout.trim() } : {}),
            retryOn: [...d.retries.retryOn],
          },
        }
      : {}),
  };
}
