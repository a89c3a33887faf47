import "server-only";
import { z } from "zod";
import { getConfig } from "../config";
import { UpstreamNotConfiguredError } from "../http/errors";
import { fetchUpstreamJson } from "../http/upstream-fetch";

const errorBody = z.object({ status: z.literal("error"), errorType: z.string().optional(), error: z.string() });

const buildInfo = z.object({
  status: z.literal("success"),
  data: z.object({ version: z.string() }),
});

function prometheusErrorMessage(_status: number, body: unknown): string | undefined {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? `${parsed.data.errorType ?? "error"}: ${parsed.data.error}` : undefined;
}

/** The configured Prometheus base URL; throws when `PROMETHEUS_URL` is unset. */
export function prometheusUrl(): string {
  const url = getConfig().prometheusUrl;
  if (!url) throw new UpstreamNotConfiguredError("prometheus", "PROMETHEUS_URL");
  return url;
}

/** GET a Prometheus HTTP API path and parse its `success` envelope with `schema`. */
export function prometheusGet<S extends z.ZodType>(path: string, schema: S, operation: string, timeoutMs?: number) {
  return fetchUpstreamJson(`${prometheusUrl()}${path}`, schema, { upstream: "prometheus", operation, timeoutMs }, prometheusErrorMessage);
}

/** Prometheus's version, from `/api/v1/status/buildinfo`: proves the server answers its API. */
export async function prometheusVersion(timeoutMs?: number): Promise<string> {
  const res = await prometheusGet("/api/v1/status/buildinfo", buildInfo, "buildinfo", timeoutMs);
  return res.data.version;
}
