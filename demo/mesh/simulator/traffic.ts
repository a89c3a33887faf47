/**
 * Where root requests come from: workloads that originate traffic (the ingress gateway receiving
 * outside requests, batch clients, load generators) and unknown outside clients calling a service
 * directly. Each source has a weight; the simulator spreads its total rate over them.
 */
import type { MeshIndex } from "../model/mesh-index";
import { resolveHost } from "../model/names";
import type { PodRef, Workload } from "../model/workloads";
import type { SimCall } from "../profile";
import { makeCall, pickHeaders, runApp } from "./app";
import type { CallOutcome, Engine } from "./engine";
import { callHttp } from "./http-call";
import { headerBytes } from "./request";

export interface RootSource {
  weight: number;
  kind: "originate" | "external";
  workload: Workload;
}

/** The root sources of a compiled mesh. */
export function rootSources(index: MeshIndex): RootSource[] {
  const out: RootSource[] = [];
  for (const w of index.workloads) {
    const o = w.profile.originate;
    if (o && o.weight > 0) out.push({ weight: o.weight, kind: "originate", workload: w });
    const x = w.profile.external;
    if (x && x.weight > 0) out.push({ weight: x.weight, kind: "external", workload: w });
  }
  return out;
}

/** A client outside the cluster (documentation range addresses). */
function outsideIp(e: Engine): string {
  return `198.51.100.${10 + e.rng.int(200)}`;
}

/** Runs one root request from `source` at relative time 0; undefined when it could not start. */
export function runRoot(e: Engine, source: RootSource): CallOutcome | undefined {
  const w = source.workload;
  if (source.kind === "external") {
    const x = w.profile.external;
    if (!x) return undefined;
    const host = resolveHost(x.host, w.namespace, e.index.namespaces);
    return makeCall(e, { proxy: "none", ip: outsideIp(e) }, { host, port: x.port, method: x.method, path: x.path, userAgent: "curl/8.5.0" }, {}, 0);
  }
  const pod = e.rng.pick(w.readyPods);
  if (!pod) return undefined;
  if (w.proxy !== "gateway" && w.profile.originate?.mode !== "one") {
    const r = runApp(e, w, pod, { method: "GET", path: "/", headers: {}, protocol: "none" }, 0, undefined);
    return { ...r, flags: "-" };
  }
  const call = e.rng.weighted(w.profile.calls ?? [], (c) => c.weight ?? 1);
  if (!call) return undefined;
  if (w.proxy !== "gateway") return makeCall(e, { workload: w, pod, proxy: w.proxy, ip: pod.ip }, call, {}, 0);
  return gatewayRequest(e, w, pod, call, pickHeaders(e, call.headers));
}

/** An outside request arriving at gateway `w` (routed by the Gateway/VirtualService bound to it). */
export function gatewayRequest(e: Engine, w: Workload, pod: PodRef, call: SimCall, headers: Record<string, string>): CallOutcome {
  const method = call.method ?? "GET";
  const path = call.path ?? "/";
  const userAgent = call.userAgent ?? "Mozilla/5.0";
  return callHttp(
    e,
    { workload: w, pod, proxy: "gateway", ip: pod.ip },
    {
      host: call.host.toLowerCase(),
      port: call.port,
      authority: call.host,
      method,
      path,
      headers,
      userAgent,
      requestBytes: headerBytes(method, path, call.host, userAgent, headers) + (call.requestBytes ?? 0),
      protocol: "http",
    },
    0,
  );
}
