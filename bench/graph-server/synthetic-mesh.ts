/**
 * A synthetic, deterministic Istio mesh for the graph benchmark: namespaces of apps in five tiers
 * (front → … → data stores), some apps in two versions, an ingress gateway calling every namespace's
 * front tier, cross-namespace calls, gRPC and TCP edges, callers outside the mesh, workloads without
 * sidecar and ServiceEntry hosts. Every edge carries request rates per outcome (response codes, gRPC
 * statuses, Envoy flags), a latency distribution and request/response sizes, from which
 * `exposition.ts` renders Istio's metrics with their exact names and label sets.
 */
import { seededRandom } from "../lib/stats";

export type Protocol = "http" | "grpc" | "tcp";

export interface MeshWorkload {
  kind: "workload";
  namespace: string;
  app: string;
  version: string;
  /** Deployment name, `<app>-<version>`. */
  name: string;
  /** Kubernetes service in front of every version of the app. */
  service: string;
  tier: number;
  /** What the workload serves. */
  protocol: Protocol;
  sidecar: boolean;
  gateway?: "ingress";
}

/** A host declared by a ServiceEntry (no workload: callers' proxies report it alone). */
export interface MeshExternalHost {
  kind: "external";
  /** The ServiceEntry's namespace. */
  namespace: string;
  serviceEntry: string;
  host: string;
}

/** One way a request on an edge ends, with its share of the edge's rate. */
export interface Outcome {
  code: string;
  grpcStatus: string;
  flags: string;
  share: number;
  /** False for requests that never reach a destination proxy (flags such as `UF`). */
  reachedDestination: boolean;
}

export interface MeshEdge {
  /** Null: a caller outside the mesh (`source_workload="unknown"`). */
  source: MeshWorkload | null;
  target: MeshWorkload | MeshExternalHost;
  protocol: Protocol;
  /** Requests per second (http, grpc) or connections per second (tcp). */
  rate: number;
  outcomes: Outcome[];
  /** Median request duration (ms): the histogram is log-normal around it. */
  latencyMedianMs: number;
  requestBytes: number;
  responseBytes: number;
  /** TCP: bytes per second in each direction. */
  tcpReceivedBps: number;
  tcpSentBps: number;
}

export interface Mesh {
  namespaces: string[];
  workloads: MeshWorkload[];
  services: Array<{ namespace: string; name: string; app: string }>;
  externalHosts: MeshExternalHost[];
  edges: MeshEdge[];
}

export interface MeshOptions {
  /** Application namespaces (`mesh-00`, …), besides `istio-system`. */
  namespaces: number;
  /** Apps per tier in each namespace, front tier first. */
  tiers: number[];
  /** Share of apps deployed in two versions (v1, v2). */
  twoVersionShare: number;
  /** How many services of the next tier a workload calls: `[min, max]`. */
  fanout: [number, number];
  /** Share of calls that go to another namespace's next tier. */
  crossNamespaceShare: number;
  seed: number;
}

export const DEFAULT_MESH_OPTIONS: MeshOptions = {
  namespaces: 30,
  tiers: [3, 7, 9, 7, 5],
  twoVersionShare: 0.25,
  fanout: [2, 4],
  crossNamespaceShare: 0.1,
  seed: 42,
};

const TIER_NAMES = ["web", "api", "svc", "core", "store"];

export function namespaceName(i: number): string {
  return `mesh-${String(i).padStart(2, "0")}`;
}

/** Generates the mesh; the same options always give the same mesh. */
export function generateMesh(opts: MeshOptions = DEFAULT_MESH_OPTIONS): Mesh {
  const rnd = seededRandom(opts.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const logBetween = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  const namespaces = Array.from({ length: opts.namespaces }, (_, i) => namespaceName(i));
  const workloads: MeshWorkload[] = [];
  const services: Mesh["services"] = [];
  const externalHosts: MeshExternalHost[] = [];
  /** Apps by namespace and tier, each app being the list of its versions' workloads. */
  const apps = new Map<string, MeshWorkload[][][]>();

  const gateway: MeshWorkload = {
    kind: "workload",
    namespace: "istio-system",
    app: "istio-ingressgateway",
    version: "1-24",
    name: "istio-ingressgateway",
    service: "istio-ingressgateway",
    tier: -1,
    protocol: "http",
    sidecar: true,
    gateway: "ingress",
  };
  workloads.push(gateway);
  services.push({ namespace: "istio-system", name: gateway.service, app: gateway.app });

  for (const ns of namespaces) {
    const tiers: MeshWorkload[][][] = [];
    opts.tiers.forEach((count, tier) => {
      const list: MeshWorkload[][] = [];
      for (let a = 0; a < count; a++) {
        const app = `${TIER_NAMES[tier] ?? `t${tier}`}-${a}`;
        const last = tier === opts.tiers.length - 1;
        const protocol: Protocol = last && a % 2 === 0 ? "tcp" : tier >= 2 && rnd() < 0.3 ? "grpc" : "http";
        const versions = rnd() < opts.twoVersionShare ? ["v1", "v2"] : ["v1"];
        const ws = versions.map(
          (version): MeshWorkload => ({
            kind: "workload",
            namespace: ns,
            app,
            version,
            name: `${app}-${version}`,
            service: app,
            tier,
            protocol,
            // A few data stores run without a sidecar: only their callers report them.
            sidecar: !(last && rnd() < 0.2),
          }),
        );
        workloads.push(...ws);
        services.push({ namespace: ns, name: app, app });
        list.push(ws);
      }
      tiers.push(list);
    });
    apps.set(ns, tiers);
    externalHosts.push({ kind: "external", namespace: ns, serviceEntry: "partner-api", host: `api.partner-${ns}.example.com` });
  }

  const edges: MeshEdge[] = [];
  const httpOutcomes = (protocol: Protocol, dest: MeshWorkload | MeshExternalHost): Outcome[] => {
    if (protocol === "tcp") return [{ code: "", grpcStatus: "", flags: "-", share: 1, reachedDestination: true }];
    const out: Outcome[] = [];
    let ok = 1;
    if (protocol === "grpc") {
      if (rnd() < 0.2) {
        const s = between(0.005, 0.05);
        out.push({ code: "200", grpcStatus: "14", flags: "-", share: s, reachedDestination: true });
        ok -= s;
      }
      out.unshift({ code: "200", grpcStatus: "0", flags: "-", share: ok, reachedDestination: true });
      return out;
    }
    if (rnd() < 0.25) {
      const s = between(0.005, 0.05);
      out.push({ code: "503", grpcStatus: "", flags: "-", share: s, reachedDestination: true });
      ok -= s;
    }
    if (rnd() < 0.1) {
      const s = between(0.01, 0.03);
      out.push({ code: "404", grpcStatus: "", flags: "-", share: s, reachedDestination: true });
      ok -= s;
    }
    if (dest.kind === "workload" && rnd() < 0.05) {
      const s = between(0.001, 0.01);
      out.push({ code: "503", grpcStatus: "", flags: "UF", share: s, reachedDestination: false });
      ok -= s;
    }
    out.unshift({ code: "200", grpcStatus: "", flags: "-", share: ok, reachedDestination: true });
    return out;
  };
  const addEdge = (source: MeshWorkload | null, target: MeshWorkload | MeshExternalHost, rate: number) => {
    const protocol: Protocol = target.kind === "workload" ? target.protocol : "http";
    edges.push({
      source,
      target,
      protocol,
      rate,
      outcomes: httpOutcomes(protocol, target),
      latencyMedianMs: logBetween(2, 250),
      requestBytes: logBetween(150, 3_000),
      responseBytes: logBetween(300, 30_000),
      tcpReceivedBps: protocol === "tcp" ? logBetween(1_000, 200_000) : 0,
      tcpSentBps: protocol === "tcp" ? logBetween(5_000, 2_000_000) : 0,
    });
  };

  for (const ns of namespaces) {
    const tiers = apps.get(ns)!;
    // The ingress gateway calls every version of the front tier; a few callers outside the mesh too.
    for (const app of tiers[0] ?? []) {
      for (const w of app) addEdge(gateway, w, logBetween(10, 100) / app.length);
    }
    for (const w of tiers[0]?.[0] ?? []) addEdge(null, w, logBetween(0.1, 2));
    tiers.forEach((tier, t) => {
      const next = tiers[t + 1];
      if (!next) return;
      for (const app of tier) {
        for (const caller of app) {
          const k = Math.min(int(opts.fanout[0], opts.fanout[1]), next.length);
          const chosen = new Set<MeshWorkload[]>();
          while (chosen.size < k) {
            const remote = rnd() < opts.crossNamespaceShare;
            const pool = remote ? (apps.get(pick(namespaces))![t + 1] ?? next) : next;
            chosen.add(pick(pool));
          }
          for (const callee of chosen) {
            const rate = logBetween(0.2, 30);
            // Traffic to a service splits between its versions.
            for (const w of callee) addEdge(caller, w, rate / callee.length);
          }
        }
      }
    });
    // Each namespace's core tier calls its partner API, declared by a ServiceEntry.
    const ext = externalHosts.find((h) => h.namespace === ns)!;
    for (const w of tiers[3]?.[0] ?? []) addEdge(w, ext, logBetween(0.5, 5));
  }
  return { namespaces: ["istio-system", ...namespaces], workloads, services, externalHosts, edges };
}

/** Counts that describe a mesh. */
export function meshStats(m: Mesh): { namespaces: number; workloads: number; services: number; edges: number; byProtocol: Record<Protocol, number> } {
  const byProtocol: Record<Protocol, number> = { http: 0, grpc: 0, tcp: 0 };
  for (const e of m.edges) byProtocol[e.protocol]++;
  return { namespaces: m.namespaces.length, workloads: m.workloads.length, services: m.services.length, edges: m.edges.length, byProtocol };
}
