/**
 * A simulated HTTP/gRPC request as it leaves an application (or arrives at a gateway).
 */
import type { HttpProtocol } from "./status";

export interface SimHttpRequest {
  /** FQDN of the target service; for a request arriving at a gateway, the `:authority` host. */
  host: string;
  /** Service port the request is sent to. */
  port: number;
  /** `:authority` as sent, e.g. `reviews:9080`. */
  authority: string;
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  userAgent: string;
  /** Bytes on the wire (headers and body). */
  requestBytes: number;
  protocol: HttpProtocol;
}

/** A rough wire size of a request's headers. */
export function headerBytes(method: string, path: string, authority: string, userAgent: string, headers: Readonly<Record<string, string>>): number {
  let n = method.length + path.length + authority.length + userAgent.length + 180;
  for (const k in headers) n += k.length + (headers[k]?.length ?? 0) + 4;
  return n;
}
