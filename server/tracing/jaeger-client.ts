import "server-only";
import { z } from "zod";
import { getConfig } from "../config";
import { UpstreamNotConfiguredError } from "../http/errors";
import { fetchUpstreamJson } from "../http/upstream-fetch";

const v1Services = z.object({ data: z.array(z.string()).nullable() });

/** The configured Jaeger query base URL; throws when `JAEGER_URL` is unset. */
export function jaegerUrl(): string {
  const url = getConfig().jaegerUrl;
  if (!url) throw new UpstreamNotConfiguredError("jaeger", "JAEGER_URL");
  return url;
}

/** The services Jaeger knows, from the query API's `/api/services`. */
export async function jaegerServices(timeoutMs?: number): Promise<string[]> {
  const res = await fetchUpstreamJson(`${jaegerUrl()}/api/services`, v1Services, {
    upstream: "jaeger",
    operation: "services",
    timeoutMs,
  });
  return res.data ?? [];
}
