/**
 * A simulated application handling one request: its own latency (with a slow tail), its calls to
 * other services in order, its own errors, and an application log line.
 */
import { resolveHost } from "../model/names";
import type { PodRef, Workload } from "../model/workloads";
import type { HeaderVariant, SimCall } from "../profile";
import { callFailed, type CallOutcome, type Caller, type Engine } from "./engine";
import { callHttp } from "./http-call";
import { headerBytes } from "./request";
import type { HttpProtocol } from "./status";
import { callTcp } from "./tcp-call";

export interface AppRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** How the request arrived (`none` for work the application starts on its own). */
  protocol: HttpProtocol | "none";
}

export interface AppResult {
  status: number;
  grpcStatus?: number;
  durationMs: number;
  responseBytes: number;
}

const DEFAULT_PROPAGATED = ["end-user"];

/** Header values chosen for one request from `variants` (each present with its fraction). */
export function pickHeaders(e: Engine, variants: readonly HeaderVariant[] | undefined, base: Record<string, string> = {}): Record<string, string> {
  const out = { ...base };
  for (const v of variants ?? []) if (e.rng.chance(v.fraction)) out[v.name.toLowerCase()] = v.value;
  return out;
}

/** Makes one call of a profile from `caller`, over HTTP/gRPC or TCP depending on the port. */
export function makeCall(e: Engine, caller: Caller, call: SimCall, inheritedHeaders: Readonly<Record<string, string>>, t0: number): CallOutcome {
  const ns = caller.workload?.namespace ?? "default";
  const host = resolveHost(call.host, ns, e.index.namespaces);
  const port = e.index.services.get(host)?.ports.find((p) => p.port === call.port);
  if (port?.protocol === "tcp") return callTcp(e, caller, call, host, t0);
  const method = call.method ?? "GET";
  const path = call.path ?? "/";
  const authority = `${call.host}:${call.port}`;
  const userAgent = call.userAgent ?? (port?.protocol === "grpc" ? "grpc-go/1.64.0" : "python-requests/2.31.0");
  const headers = pickHeaders(e, call.headers, { ...inheritedHeaders });
  return callHttp(
    e,
    caller,
    {
      host,
      port: call.port,
      authority,
      method,
      path,
      headers,
      userAgent,
      requestBytes: headerBytes(method, path, authority, userAgent, headers) + (call.requestBytes ?? 0),
      protocol: port?.protocol === "grpc" ? "grpc" : "http",
    },
    t0,
  );
}

/** Runs the application of `w` on `pod` for one request starting at relative time `t0`. */
export function runApp(e: Engine, w: Workload, pod: PodRef, req: AppRequest, t0: number, parentSpanId: string | undefined): AppResult {
  const p = w.profile;
  let own = e.rng.logNormal(p.latencyMs ?? 5, 0.3);
  if (p.tail && e.rng.chance(p.tail.ratio)) own += p.tail.ms * (0.5 + e.rng.next());
  let t = t0 + own / 2;
  const caller: Caller = { workload: w, pod, proxy: w.proxy, ip: pod.ip, parentSpanId };
  const propagated: Record<string, string> = {};
  for (const name of p.propagateHeaders ?? DEFAULT_PROPAGATED) {
    const v = req.headers[name.toLowerCase()];
    if (v !== undefined) propagated[name.toLowerCase()] = v;
  }
  const problems: string[] = [];
  let failed = false;
  for (const call of p.calls ?? []) {
    if (!e.rng.chance(call.ratio ?? 1)) continue;
    const out = makeCall(e, caller, call, propagated, t);
    t += out.durationMs;
    if (callFailed(out)) {
      problems.push(`${call.host}:${call.port}${call.path ?? ""} ${out.status === 0 ? "connection reset by peer" : out.grpcStatus ? `grpc-status ${out.grpcStatus}` : `HTTP ${out.status}`}`);
      if (call.propagateErrors !== false) {
        failed = true;
        break;
      }
    }
  }
  t += own / 2;
  const ownError = !failed && p.errors !== undefined && e.rng.chance(p.errors.ratio);
  const grpc = req.protocol === "grpc";
  let status = 200;
  let grpcStatus: number | undefined = grpc ? 0 : undefined;
  if (failed || ownError) {
    if (grpc) grpcStatus = failed ? 2 : (p.errors?.grpcStatus ?? 13);
    else status = failed ? 500 : (p.errors?.code ?? 500);
  }
  const bad = failed || ownError;
  const size = bad ? 60 + e.rng.int(80) : Math.round((p.responseBytes ?? 600) * (0.85 + e.rng.next() * 0.3));
  const responseBytes = size + 150;
  const durationMs = t - t0;
  logApp(e, w, pod, req, t, { status, grpcStatus, durationMs, problems, ownError });
  return { status, grpcStatus, durationMs, responseBytes };
}

function logApp(
  e: Engine,
  w: Workload,
  pod: PodRef,
  req: AppRequest,
  at: number,
  r: { status: number; grpcStatus?: number; durationMs: number; problems: string[]; ownError: boolean },
): void {
  const name = w.app || w.name;
  const ms = r.durationMs.toFixed(1);
  // Lines are joined (not concatenated) so the buffered strings are flat.
  const line = (abs: (rel: number) => number, ...parts: string[]): string => [new Date(abs(at)).toISOString(), ...parts].join(" ");
  for (const problem of r.problems) e.root.log(pod, w.appContainer, at, (abs) => line(abs, "WARN ", name, "upstream call failed:", problem));
  if (req.protocol === "none") {
    e.root.log(pod, w.appContainer, at, (abs) => line(abs, "INFO ", name, `job run finished in ${ms}ms (${r.problems.length} failed calls)`));
    return;
  }
  const level = r.status >= 500 || (r.grpcStatus ?? 0) !== 0 ? "ERROR" : "INFO ";
  const outcome = req.protocol === "grpc" ? `grpc-status=${r.grpcStatus ?? 0}` : String(r.status);
  const why = r.ownError ? " (internal error)" : "";
  e.root.log(pod, w.appContainer, at, (abs) => line(abs, level, name, req.method, req.path, outcome, `${ms}ms${why}`));
}
