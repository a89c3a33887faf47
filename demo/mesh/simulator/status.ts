/**
 * Response codes as Envoy produces them for local replies (faults, no upstream, RBAC, timeouts):
 * gRPC requests get `:status 200` with a `grpc-status` mapped from the HTTP code.
 */

export type HttpProtocol = "http" | "grpc";

/** Envoy's `Grpc::Utility::httpToGrpcStatus`. */
export function grpcStatusForHttp(status: number): number {
  switch (status) {
    case 400:
      return 13;
    case 401:
      return 16;
    case 403:
      return 7;
    case 404:
      return 12;
    case 429:
    case 502:
    case 503:
    case 504:
      return 14;
    default:
      return status >= 200 && status < 300 ? 0 : 2;
  }
}

/** The status pair a client sees for a local reply of `httpStatus` (or an explicit gRPC status). */
export function localReply(protocol: HttpProtocol, httpStatus: number, grpcStatus?: number): { status: number; grpcStatus?: number } {
  if (protocol !== "grpc") return { status: httpStatus };
  return { status: 200, grpcStatus: grpcStatus ?? grpcStatusForHttp(httpStatus) };
}

/** The `grpc_response_status` label value: "" for plain HTTP. */
export function grpcLabel(protocol: HttpProtocol, grpcStatus: number | undefined): string {
  return protocol === "grpc" ? String(grpcStatus ?? 0) : "";
}

/** Envoy's order of response flags in `%RESPONSE_FLAGS%` (`ResponseFlagUtils::toShortString`). */
const FLAG_ORDER = [
  "LH", "UH", "UT", "LR", "UR", "UF", "UC", "UO", "NR", "DI", "FI", "RL", "UAEX", "RLSE", "DC", "URX", "SI", "IH", "DPE",
  "UMSDR", "RFCF", "NFCF", "DT", "UPE", "NC", "OM", "DF", "DO", "DR",
];

/** Joins response flags as Envoy prints them (`-` when none). */
export function joinFlags(flags: Iterable<string>): string {
  const set = new Set(flags);
  if (set.size === 0) return "-";
  return FLAG_ORDER.filter((f) => set.has(f)).join(",");
}
