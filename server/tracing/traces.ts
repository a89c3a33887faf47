import "server-only";
import type { TraceOperationsResponse, TraceResponse, TraceSearchResponse, TraceServicesResponse } from "@/lib/tracing/model";
import { toTraceQuery, type TraceSearch } from "@/lib/tracing/search-params";
import { summarizeTrace } from "@/lib/tracing/summary";
import { jaegerAdapter } from "./jaeger-client";

/** Traces matching a search over the window ending now, newest first, as summaries. */
export async function searchTraces(search: TraceSearch, nowMs = Date.now()): Promise<TraceSearchResponse> {
  const adapter = await jaegerAdapter();
  const traces = await adapter.findTraces(toTraceQuery(search, nowMs));
  const summaries = traces.map(summarizeTrace).sort((a, b) => b.startUs - a.startUs);
  return { api: adapter.api, traces: summaries.slice(0, search.limit) };
}

/** One whole trace. @throws TraceNotFoundError */
export async function getTrace(traceId: string): Promise<TraceResponse> {
  const adapter = await jaegerAdapter();
  return { api: adapter.api, trace: await adapter.getTrace(traceId) };
}

/** The services with traces. */
export async function listTraceServices(): Promise<TraceServicesResponse> {
  const adapter = await jaegerAdapter();
  return { api: adapter.api, services: await adapter.services() };
}

/** The operations of one service's spans. */
export async function listTraceOperations(service: string): Promise<TraceOperationsResponse> {
  const adapter = await jaegerAdapter();
  return { api: adapter.api, operations: await adapter.operations(service) };
}
