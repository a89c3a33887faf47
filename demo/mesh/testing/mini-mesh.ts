/**
 * A small mesh for focused tests: namespace `app` (injected) with `client` → `server` (HTTP 8080),
 * `db` (TCP 5432) and an external ServiceEntry; namespace `plain` (no sidecars) with `plain-client`
 * and `plain-server`; and the ingress gateway routing `app.example.com` to `server`.
 */
import type { KubeObject } from "../../contracts";
import type { SimProfile } from "../profile";
import { deployment, istio, namespace, service, serviceAccount } from "../topology/builders";

export interface MiniMeshOptions {
  serverProfile?: SimProfile;
  /** Extra objects appended to the mesh. */
  extra?: KubeObject[];
}

/** The objects of the mini mesh (see the module comment). */
export function miniMesh(opts: MiniMeshOptions = {}): KubeObject[] {
  return [
    namespace("istio-system", false),
    namespace("app", true),
    namespace("plain", false),
    serviceAccount("istio-system", "istio-ingressgateway-service-account"),
    serviceAccount("app", "client"),
    serviceAccount("app", "server"),
    serviceAccount("app", "db"),
    serviceAccount("plain", "plain"),
    service("istio-system", "istio-ingressgateway", { app: "istio-ingressgateway" }, [{ name: "http2", port: 80, targetPort: 8080 }], { type: "LoadBalancer" }),
    service("app", "server", { app: "server" }, [{ name: "http", port: 8080 }]),
    service("app", "grpc-server", { app: "grpc-server" }, [{ name: "grpc", port: 9000 }]),
    service("app", "db", { app: "db" }, [{ name: "tcp-postgres", port: 5432 }]),
    service("plain", "plain-server", { app: "plain-server" }, [{ name: "http", port: 8080 }]),
    deployment({
      namespace: "istio-system",
      name: "istio-ingressgateway",
      app: "istio-ingressgateway",
      serviceAccount: "istio-ingressgateway-service-account",
      sidecar: false,
      gateway: true,
      labels: { istio: "ingressgateway" },
    }),
    deployment({ namespace: "app", app: "client", version: "v1", serviceAccount: "client", sidecar: true, profile: { latencyMs: 1 } }),
    deployment({ namespace: "app", app: "server", version: "v1", serviceAccount: "server", sidecar: true, containerPort: 8080, profile: opts.serverProfile ?? { latencyMs: 5 } }),
    deployment({ namespace: "app", app: "server", version: "v2", serviceAccount: "server", sidecar: true, containerPort: 8080, profile: opts.serverProfile ?? { latencyMs: 5 } }),
    deployment({ namespace: "app", app: "grpc-server", version: "v1", serviceAccount: "server", sidecar: true, containerPort: 9000, profile: { latencyMs: 2 } }),
    deployment({ namespace: "app", app: "db", version: "v1", serviceAccount: "db", sidecar: true, containerPort: 5432, profile: { latencyMs: 1 } }),
    deployment({ namespace: "plain", app: "plain-client", version: "v1", serviceAccount: "plain", sidecar: false }),
    deployment({ namespace: "plain", app: "plain-server", version: "v1", serviceAccount: "plain", sidecar: false, containerPort: 8080, profile: { latencyMs: 3 } }),
    istio("networking", "ServiceEntry", "app", "ext", {
      hosts: ["api.example.org"],
      location: "MESH_EXTERNAL",
      resolution: "DNS",
      ports: [{ number: 80, name: "http", protocol: "HTTP" }],
    }),
    istio("networking", "DestinationRule", "app", "server", {
      host: "server",
      subsets: [
        { name: "v1", labels: { version: "v1" } },
        { name: "v2", labels: { version: "v2" } },
      ],
    }),
    istio("networking", "Gateway", "app", "gw", {
      selector: { istio: "ingressgateway" },
      servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["app.example.com"] }],
    }),
    istio("networking", "VirtualService", "app", "entry", {
      hosts: ["app.example.com"],
      gateways: ["gw"],
      http: [{ route: [{ destination: { host: "server", port: { number: 8080 } } }] }],
    }),
    ...(opts.extra ?? []),
  ];
}

/** A VirtualService for `server` in namespace `app`. */
export function serverVirtualService(http: unknown[]): KubeObject {
  return istio("networking", "VirtualService", "app", "server", { hosts: ["server"], http });
}

/** Send specs' `from` for the sidecar client and the plaintext client; the server's FQDN. */
export const FROM_CLIENT = { namespace: "app", workload: "client-v1" } as const;
export const FROM_PLAIN = { namespace: "plain", workload: "plain-client-v1" } as const;
export const SERVER = "server.app.svc.cluster.local";
