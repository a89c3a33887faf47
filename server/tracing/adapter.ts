import "server-only";
import type { JaegerApi, Trace, TraceOperation } from "@/lib/tracing/model";
import type { TraceQuery } from "@/lib/tracing/search-params";

/** One of Jaeger's query APIs, answering in the console's trace model. */
export interface JaegerAdapter {
  api: JaegerApi;
  baseUrl: string;
  /** Service names, sorted. */
  services(): Promise<string[]>;
  operations(service: string): Promise<TraceOperation[]>;
  /** Traces with a span matching the query, at most `limit`. */
  findTraces(query: TraceQuery): Promise<Trace[]>;
  /** @throws TraceNotFoundError */
  getTrace(traceId: string): Promise<Trace>;
}
