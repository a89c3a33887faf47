/**
 * Istio's Bookinfo: productpage → details, productpage → reviews v1/v2/v3, reviews v2/v3 → ratings.
 * Misbehaviour: reviews-v3 has a slow tail (10% of requests take ~2.5s), ratings answers 3% 500s.
 * Routing: jason goes to reviews v2, everyone else 50/50 to v1 and v3.
 */
import type { KubeObject } from "../../contracts";
import type { SimProfile } from "../profile";
import { deployment, istio, namespace, service, serviceAccount } from "./builders";

const NS = "bookinfo";
const PORT = 9080;

function app(name: string, version: string, profile: SimProfile): KubeObject {
  return deployment({
    namespace: NS,
    app: name,
    version,
    serviceAccount: `bookinfo-${name}`,
    sidecar: true,
    containerPort: PORT,
    image: `docker.io/istio/examples-bookinfo-${name}-${version}:1.20.2`,
    profile,
  });
}

const ratingsCall = { host: "ratings", port: PORT, method: "GET", path: "/ratings/0", propagateErrors: false };

function subsets(...versions: string[]): Array<Record<string, unknown>> {
  return versions.map((v) => ({ name: v, labels: { version: v } }));
}

/** The `bookinfo` namespace and its objects. */
export function bookinfoObjects(): { namespaces: KubeObject[]; objects: KubeObject[] } {
  const names = ["productpage", "details", "reviews", "ratings"];
  return {
    namespaces: [namespace(NS, true)],
    objects: [
      ...names.map((n) => serviceAccount(NS, `bookinfo-${n}`, n)),
      ...names.map((n) => service(NS, n, { app: n }, [{ name: "http", port: PORT }])),
      app("productpage", "v1", {
        latencyMs: 8,
        responseBytes: 5200,
        propagateHeaders: ["end-user"],
        calls: [
          { host: "details", port: PORT, method: "GET", path: "/details/0", propagateErrors: false },
          { host: "reviews", port: PORT, method: "GET", path: "/reviews/0", propagateErrors: false },
        ],
        external: { weight: 1, host: "productpage.bookinfo", port: PORT, path: "/productpage", method: "GET" },
      }),
      app("details", "v1", { latencyMs: 2, responseBytes: 178 }),
      app("reviews", "v1", { latencyMs: 6, responseBytes: 358 }),
      app("reviews", "v2", { latencyMs: 6, responseBytes: 379, calls: [ratingsCall] }),
      app("reviews", "v3", { latencyMs: 8, responseBytes: 375, tail: { ratio: 0.1, ms: 2500 }, calls: [ratingsCall] }),
      app("ratings", "v1", { latencyMs: 2, responseBytes: 48, errors: { ratio: 0.03, code: 500 } }),
      istio("networking", "Gateway", NS, "bookinfo-gateway", {
        selector: { istio: "ingressgateway" },
        servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }],
      }),
      istio("networking", "VirtualService", NS, "bookinfo", {
        hosts: ["*"],
        gateways: ["bookinfo-gateway"],
        http: [
          {
            match: [
              { uri: { exact: "/productpage" } },
              { uri: { prefix: "/static" } },
              { uri: { exact: "/login" } },
              { uri: { exact: "/logout" } },
              { uri: { prefix: "/api/v1/products" } },
            ],
            route: [{ destination: { host: "productpage", port: { number: PORT } } }],
          },
        ],
      }),
      istio("networking", "VirtualService", NS, "reviews", {
        hosts: ["reviews"],
        http: [
          {
            match: [{ headers: { "end-user": { exact: "jason" } } }],
            route: [{ destination: { host: "reviews", subset: "v2" } }],
          },
          {
            route: [
              { destination: { host: "reviews", subset: "v1" }, weight: 50 },
              { destination: { host: "reviews", subset: "v3" }, weight: 50 },
            ],
          },
        ],
      }),
      istio("networking", "DestinationRule", NS, "productpage", { host: "productpage", subsets: subsets("v1") }),
      istio("networking", "DestinationRule", NS, "reviews", { host: "reviews", subsets: subsets("v1", "v2", "v3") }),
      istio("networking", "DestinationRule", NS, "ratings", { host: "ratings", subsets: subsets("v1") }),
      istio("networking", "DestinationRule", NS, "details", { host: "details", subsets: subsets("v1") }),
    ],
  };
}
