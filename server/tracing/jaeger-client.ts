import "server-only";
import type { JaegerApi } from "@/lib/tracing/model";
import { getConfig } from "../config";
import { UpstreamNotConfiguredError } from "../http/errors";
import type { JaegerAdapter } from "./adapter";
import { jaegerGet } from "./jaeger-http";
import { jaegerV1 } from "./jaeger-v1";
import { jaegerV3 } from "./jaeger-v3";
import { v3ServicesResponse } from "./v3-schema";

/** The configured Jaeger query base URL; throws when `JAEGER_URL` is unset. */
export function jaegerUrl(): string {
  const url = getConfig().jaegerUrl;
  if (!url) throw new UpstreamNotConfiguredError("jaeger", "JAEGER_URL");
  return url;
}

/** How long a detected API is trusted before asking again (Jaeger may be upgraded under us). */
const DETECTION_TTL_MS = 10 * 60_000;
const detected = new Map<string, { api: JaegerApi; at: number }>();
const detecting = new Map<string, Promise<JaegerApi>>();

/**
 * Which query API a Jaeger serves: v3 when `/api/v3/services` answers with its shape; v1 when that
 * endpoint is absent (404/405/501, or a web page rather than JSON), as on Jaeger 1.x before the v3
 * HTTP API. A Jaeger that does not answer at all throws (UpstreamUnavailableError), and is not cached.
 */
export async function detectJaegerApi(baseUrl: string, timeoutMs?: number): Promise<JaegerApi> {
  const r = await jaegerGet(`${baseUrl}/api/v3/services`, v3ServicesResponse, "detect_api", { timeoutMs, nonJsonIsMiss: true });
  return r.ok ? "v3" : "v1";
}

/**
 * The API to use for `baseUrl`: `JAEGER_API` when it is v1 or v3; with `auto`, the detected one, kept
 * for ten minutes per URL (concurrent first calls share one detection).
 */
export async function resolveJaegerApi(baseUrl: string, timeoutMs?: number, now = Date.now()): Promise<JaegerApi> {
  const setting = getConfig().jaegerApi;
  if (setting !== "auto") return setting;
  const cached = detected.get(baseUrl);
  if (cached && now - cached.at < DETECTION_TTL_MS) return cached.api;
  let pending = detecting.get(baseUrl);
  if (!pending) {
    pending = detectJaegerApi(baseUrl, timeoutMs)
      .then((api) => {
        detected.set(baseUrl, { api, at: Date.now() });
        return api;
      })
      .finally(() => detecting.delete(baseUrl));
    detecting.set(baseUrl, pending);
  }
  return pending;
}

/** Forgets detected APIs (tests, or after changing `JAEGER_URL`). */
export function resetJaegerApiDetection(): void {
  detected.clear();
  detecting.clear();
}

/** An adapter for one API at `baseUrl`. */
export function jaegerAdapterFor(api: JaegerApi, baseUrl: string, timeoutMs?: number): JaegerAdapter {
  return api === "v3" ? jaegerV3(baseUrl, timeoutMs) : jaegerV1(baseUrl, timeoutMs);
}

/** The adapter for the configured Jaeger, in the configured or detected API. */
export async function jaegerAdapter(timeoutMs?: number): Promise<JaegerAdapter> {
  const base = jaegerUrl();
  return jaegerAdapterFor(await resolveJaegerApi(base, timeoutMs), base, timeoutMs);
}

/**
 * The services Jaeger knows — the readiness probe. Asks `/api/services` (v1) or `/api/v3/services`,
 * whichever API is in use, so that a Jaeger that has retired the v1 endpoints still counts as ready.
 */
export async function jaegerServices(timeoutMs?: number): Promise<string[]> {
  return (await jaegerAdapter(timeoutMs)).services();
}
