/**
 * One HTTP/gRPC call, client side. Through a proxy it follows Istio's config: VirtualService route
 * match and weighted destination, DestinationRule subset and TLS mode, fault injection (`DI`, `FI`),
 * route timeout (`UT`), retries (default or the route's), no endpoints (`UH`), unknown subset
 * (`NC`), no route (`NR`). Without a proxy it goes straight to an endpoint, as kube-proxy would.
 */
import { outboundCluster } from "../model/names";
import type { HttpRoute } from "../model/virtual-services";
import { shouldRetry } from "../model/retry-policy";
import { logFilterChainNotFound, externalAttempt, upstreamAttempt, type Attempt, type AttemptContext } from "./upstream-attempt";
import type { Caller, CallOutcome, Engine } from "./engine";
import { serveHttp } from "./inbound";
import { reportClient, type ClientResult, type ProxiedCaller } from "./outbound-report";
import type { SimHttpRequest } from "./request";
import { joinFlags, localReply } from "./status";

const hostOnly = (authority: string): string => authority.replace(/:\d+$/, "").toLowerCase();

/** Sends `req` from `caller` at relative time `t0`. */
export function callHttp(e: Engine, caller: Caller, req: SimHttpRequest, t0: number): CallOutcome {
  if (caller.proxy === "none" || !caller.workload || !caller.pod) return callWithoutProxy(e, caller, req, t0);
  return callThroughProxy(e, caller as ProxiedCaller, req, t0);
}

function selectRoute(e: Engine, caller: ProxiedCaller, req: SimHttpRequest): HttpRoute | undefined {
  let routes: HttpRoute[] | undefined;
  let gateway = "mesh";
  if (caller.workload.proxy === "gateway") {
    const g = e.index.gatewayHttpRoutes(caller.workload, hostOnly(req.host), req.port);
    routes = g?.routes;
    gateway = g?.gateway ?? "";
  } else {
    routes = e.index.meshHttpRoutes(req.host);
  }
  const attrs = {
    method: req.method,
    path: req.path.split("?")[0] ?? req.path,
    authority: hostOnly(req.authority),
    headers: req.headers,
    port: req.port,
    sourceLabels: caller.workload.labels,
    sourceNamespace: caller.workload.namespace,
    gateway,
  };
  return routes?.find((r) => !r.matches || r.matches.some((m) => m(attrs)));
}

function callThroughProxy(e: Engine, caller: ProxiedCaller, req: SimHttpRequest, t0: number): CallOutcome {
  const clientSpanId = e.root.newSpanId();
  const requested = e.index.services.get(req.host);
  const base = { host: req.host, port: req.port, cluster: "-", routeName: "-", durationMs: 0.1, responseBytes: 19 + 90, mtls: false };
  const local = (status: number, flags: string[], details: string, extra: Partial<ClientResult> = {}, grpcStatus?: number): CallOutcome =>
    reportClient(e, caller, req, { ...base, ...localReply(req.protocol, status, grpcStatus), flags: joinFlags(flags), details, ...extra }, t0, clientSpanId);

  const route = selectRoute(e, caller, req);
  if (!route) return local(404, ["NR"], "route_not_found", { service: requested ? { host: requested.host, name: requested.name } : undefined });
  const routeName = route.name;
  if (route.directResponse) return local(route.directResponse.status, [], "direct_response", { routeName });
  if (route.redirect) return local(301, [], "redirect", { routeName });
  const dest = e.rng.weighted(route.destinations, (d) => d.weight, route.totalWeight);
  if (!dest) return local(503, ["NC"], "cluster_not_found", { routeName });
  const service = e.index.services.get(dest.host);
  // Istio allows omitting the destination port when the service has exactly one.
  const port = dest.port ?? (service?.ports.length === 1 && service.ports[0] ? service.ports[0].port : req.port);
  const serviceRef = service ? { host: service.host, name: service.name } : { host: hostOnly(req.authority), name: "PassthroughCluster" };
  const cluster = service ? outboundCluster(port, dest.subset, dest.host) : "PassthroughCluster";
  const flags: string[] = [];
  let t = t0 + 0.1;
  const fault = route.fault;
  if (fault?.delay && e.rng.chance(fault.delay.fraction)) {
    t += fault.delay.ms;
    flags.push("DI");
  }
  const common = { routeName, cluster, host: dest.host, port, service: serviceRef, downstreamLocal: service ? `${service.vip}:${port}` : undefined };
  if (fault?.abort && e.rng.chance(fault.abort.fraction)) {
    flags.push("FI");
    return local(fault.abort.httpStatus ?? 503, flags, "fault_filter_abort", { ...common, durationMs: t - t0 + 0.05, responseBytes: 18 + 90 }, fault.abort.grpcStatus);
  }
  const lookup = service ? e.index.subset(dest.host, caller.workload.namespace, dest.subset, port) : { found: true };
  if (!lookup.found) return local(503, [...flags, "NC"], "cluster_not_found", { ...common, durationMs: t - t0 });

  const ctx: AttemptContext | undefined = service
    ? {
        caller,
        req,
        service,
        servicePort: service.ports.find((p) => p.port === port) ?? { name: "", port, targetPort: port, protocol: req.protocol },
        subset: dest.subset,
        subsetLabels: lookup.labels,
        tlsMode: lookup.tlsMode,
        clientSpanId,
      }
    : undefined;
  const deadline = route.timeoutMs ? t + route.timeoutMs : Infinity;
  const policy = route.retries;
  let attempts = 0;
  let last: Attempt;
  let timedOut: "route" | "per-try" | undefined;
  for (;;) {
    attempts++;
    const attemptStart = t;
    const perTryDeadline = policy.perTryTimeoutMs ? Math.min(deadline, t + policy.perTryTimeoutMs) : deadline;
    last = ctx ? upstreamAttempt(e, ctx, t) : externalAttempt(e, {}, { req }, serviceRef.host);
    timedOut = undefined;
    if (attemptStart + last.durationMs > perTryDeadline) {
      last.served?.finish(perTryDeadline - attemptStart - last.netMs);
      t = perTryDeadline;
      timedOut = perTryDeadline >= deadline ? "route" : "per-try";
    } else {
      last.served?.finish();
      t = attemptStart + last.durationMs;
    }
    if (timedOut === "route" || last.noRetry || attempts > policy.attempts) break;
    const retriable = timedOut ? shouldRetry(policy, { status: 504, perTryTimeout: true }) : shouldRetry(policy, last);
    if (!retriable) break;
    t += e.rng.next() * 25 * 2 ** (attempts - 1);
    if (t >= deadline) {
      t = deadline;
      timedOut = "route";
      break;
    }
  }
  const responded = !timedOut && last.served !== undefined;
  const result: ClientResult = {
    routeName,
    cluster,
    host: dest.host,
    port,
    service: serviceRef,
    downstreamLocal: common.downstreamLocal,
    status: last.status,
    grpcStatus: last.grpcStatus,
    flags: last.flags.length === 0 && flags.length === 0 ? "-" : joinFlags([...flags, ...last.flags, ...(attempts > 1 && (last.connectFailure || last.reset) ? ["URX"] : [])]),
    details: last.details,
    durationMs: t - t0,
    responseBytes: last.responseBytes,
    peer: last.endpoint ? { workload: last.endpoint.workload, via: responded && last.served?.hasProxy ? "exchange" : "endpoint" } : undefined,
    mtls: last.mtls && last.endpoint !== undefined,
    upstreamHost: last.upstreamHost,
    upstreamServiceTimeMs: last.served && responded ? last.served.durationMs : undefined,
  };
  if (timedOut) {
    Object.assign(result, localReply(req.protocol, 504), {
      flags: joinFlags([...flags, "UT"]),
      details: timedOut === "route" ? "response_timeout" : "upstream_per_try_timeout",
      responseBytes: 24 + 90,
    });
  }
  return reportClient(e, caller, req, result, t0, clientSpanId);
}

/** An application without sidecar: kube-proxy picks any ready endpoint; no client telemetry. */
function callWithoutProxy(e: Engine, caller: Caller, req: SimHttpRequest, t0: number): CallOutcome {
  const fail = (durationMs: number): CallOutcome => ({ status: 0, durationMs, responseBytes: 0, flags: "-" });
  const service = e.index.services.get(req.host);
  if (!service) return fail(5);
  if (service.external) {
    const a = externalAttempt(e, service.profile, { req }, service.host);
    return { status: a.status, durationMs: a.durationMs, responseBytes: a.responseBytes, flags: "-" };
  }
  const endpoint = e.rng.pick(e.index.endpoints(service, undefined));
  if (!endpoint) return fail(1);
  const servicePort = service.ports.find((p) => p.port === req.port) ?? { name: "", port: req.port, targetPort: req.port, protocol: req.protocol };
  const net = 0.15 + e.rng.next() * 0.5;
  if (endpoint.workload.proxy !== "none" && e.index.mtlsMode(endpoint.workload, servicePort.targetPort) === "STRICT") {
    // A STRICT sidecar only accepts mTLS: the plaintext connection is reset, nobody reports it.
    logFilterChainNotFound(e, endpoint, servicePort.targetPort, caller.ip, t0 + net);
    return fail(2 * net);
  }
  const served = serveHttp(e, { caller, endpoint, service, servicePort, req, mtls: false, clientSpanId: caller.parentSpanId }, t0 + net);
  served.finish();
  return { status: served.status, grpcStatus: served.grpcStatus, durationMs: served.durationMs + 2 * net, responseBytes: served.responseBytes, flags: "-" };
}
