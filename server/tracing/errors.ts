import "server-only";

/** Jaeger does not know the trace (never stored, or expired): the API answers 404. */
export class TraceNotFoundError extends Error {
  constructor(readonly traceId: string) {
    super(`trace ${traceId} not found`);
    this.name = "TraceNotFoundError";
  }
}
