/**
 * A multi-tier shop (after Google's Online Boutique): frontend fans out over gRPC and HTTP services,
 * catalog/cart/checkout use a Postgres database over TCP, payment calls an external API declared by a
 * ServiceEntry. Misbehaviour: payment fails 15% of charges (500); shipping has a slow tail that trips
 * its 500ms VirtualService timeout (504 UT); frontend sometimes sends DELETE /cart, denied by an
 * AuthorizationPolicy (403); catalog runs a 90/10 v1/v2 canary; payment only accepts mTLS (STRICT)
 * from checkout's identity.
 */
import type { KubeObject } from "../../contracts";
import type { SimCall, SimProfile } from "../profile";
import { deployment, istio, namespace, service, serviceAccount, type PortSpec } from "./builders";

const NS = "shop";

interface ShopService {
  name: string;
  port: PortSpec;
  versions?: Record<string, SimProfile>;
  profile?: SimProfile;
}

const grpc = (host: string, port: number, method: string, extra: Partial<SimCall> = {}): SimCall => ({
  host,
  port,
  method: "POST",
  path: method,
  ...extra,
});
const db = (requestBytes: number, responseBytes: number): SimCall => ({
  host: "postgres",
  port: 5432,
  requestBytes,
  responseBytes,
  newConnectionRatio: 0.1,
});

const SERVICES: ShopService[] = [
  {
    name: "frontend",
    port: { name: "http", port: 8080 },
    profile: {
      latencyMs: 4,
      responseBytes: 8400,
      calls: [
        grpc("catalog", 3550, "/hipstershop.ProductCatalogService/ListProducts"),
        grpc("currency", 7000, "/hipstershop.CurrencyService/Convert", { ratio: 0.8 }),
        grpc("recommendation", 8080, "/hipstershop.RecommendationService/ListRecommendations", { ratio: 0.5 }),
        grpc("ads", 9555, "/hipstershop.AdService/GetAds", { ratio: 0.5, propagateErrors: false }),
        { host: "cart", port: 7070, method: "GET", path: "/cart", ratio: 0.4 },
        { host: "cart", port: 7070, method: "DELETE", path: "/cart", ratio: 0.03, propagateErrors: false },
        grpc("checkout", 5050, "/hipstershop.CheckoutService/PlaceOrder", { ratio: 0.1 }),
      ],
    },
  },
  {
    name: "catalog",
    port: { name: "grpc", port: 3550 },
    versions: {
      v1: { latencyMs: 3, responseBytes: 2100, calls: [db(160, 2400)] },
      v2: { latencyMs: 5, responseBytes: 2300, calls: [db(160, 2400)] },
    },
  },
  { name: "cart", port: { name: "http", port: 7070 }, profile: { latencyMs: 2, responseBytes: 420, calls: [db(90, 380)] } },
  {
    name: "checkout",
    port: { name: "grpc", port: 5050 },
    profile: {
      latencyMs: 6,
      responseBytes: 310,
      calls: [
        { host: "cart", port: 7070, method: "GET", path: "/cart" },
        grpc("currency", 7000, "/hipstershop.CurrencyService/Convert"),
        { host: "payment", port: 8080, method: "POST", path: "/charge", requestBytes: 240 },
        { host: "shipping", port: 8080, method: "POST", path: "/ship", requestBytes: 180 },
        { host: "email", port: 8080, method: "POST", path: "/send", requestBytes: 900, propagateErrors: false },
        db(640, 64),
      ],
    },
  },
  {
    name: "payment",
    port: { name: "http", port: 8080 },
    profile: {
      latencyMs: 12,
      responseBytes: 96,
      errors: { ratio: 0.15, code: 500 },
      calls: [{ host: "api.payments.example.com", port: 80, method: "POST", path: "/v1/charges", requestBytes: 310 }],
    },
  },
  {
    name: "shipping",
    port: { name: "http", port: 8080 },
    profile: {
      latencyMs: 10,
      responseBytes: 140,
      tail: { ratio: 0.06, ms: 900 },
      calls: [{ host: "legacy-api.legacy", port: 8080, method: "GET", path: "/carriers", ratio: 0.5, propagateErrors: false }],
    },
  },
  { name: "currency", port: { name: "grpc", port: 7000 }, profile: { latencyMs: 1, responseBytes: 60 } },
  {
    name: "recommendation",
    port: { name: "grpc", port: 8080 },
    profile: { latencyMs: 7, responseBytes: 240, calls: [grpc("catalog", 3550, "/hipstershop.ProductCatalogService/ListProducts")] },
  },
  { name: "ads", port: { name: "grpc", port: 9555 }, profile: { latencyMs: 3, responseBytes: 180 } },
  { name: "email", port: { name: "http", port: 8080 }, profile: { latencyMs: 20, responseBytes: 40 } },
  { name: "postgres", port: { name: "tcp-postgres", port: 5432 }, profile: { latencyMs: 1.5 } },
];

function workloads(s: ShopService): KubeObject[] {
  const versions = s.versions ?? { v1: s.profile ?? {} };
  return Object.entries(versions).map(([version, profile]) =>
    deployment({
      namespace: NS,
      app: s.name,
      version,
      serviceAccount: `shop-${s.name}`,
      sidecar: true,
      containerPort: s.port.port,
      image: s.name === "postgres" ? "docker.io/library/postgres:16" : undefined,
      profile,
    }),
  );
}

function istioObjects(): KubeObject[] {
  return [
    istio("networking", "Gateway", NS, "shop-gateway", {
      selector: { istio: "ingressgateway" },
      servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop.example.com"] }],
    }),
    istio("networking", "VirtualService", NS, "shop-frontend", {
      hosts: ["shop.example.com"],
      gateways: ["shop-gateway"],
      http: [{ route: [{ destination: { host: "frontend", port: { number: 8080 } } }], timeout: "5s" }],
    }),
    istio("networking", "DestinationRule", NS, "catalog", {
      host: "catalog",
      subsets: [
        { name: "v1", labels: { version: "v1" } },
        { name: "v2", labels: { version: "v2" } },
      ],
    }),
    istio("networking", "VirtualService", NS, "catalog", {
      hosts: ["catalog"],
      http: [
        {
          route: [
            { destination: { host: "catalog", subset: "v1" }, weight: 90 },
            { destination: { host: "catalog", subset: "v2" }, weight: 10 },
          ],
        },
      ],
    }),
    istio("networking", "VirtualService", NS, "shipping", {
      hosts: ["shipping"],
      http: [{ route: [{ destination: { host: "shipping" } }], timeout: "0.5s" }],
    }),
    istio(
      "networking",
      "ServiceEntry",
      NS,
      "api-payments",
      {
        hosts: ["api.payments.example.com"],
        location: "MESH_EXTERNAL",
        resolution: "DNS",
        ports: [
          { number: 80, name: "http", protocol: "HTTP" },
          { number: 443, name: "https", protocol: "HTTPS" },
        ],
      },
      { "sim.meshscope.dev/profile": JSON.stringify({ latencyMs: 110, responseBytes: 520, errors: { ratio: 0.02, code: 503 } }) },
    ),
    istio("security", "PeerAuthentication", NS, "payment-strict", {
      selector: { matchLabels: { app: "payment" } },
      mtls: { mode: "STRICT" },
    }),
    istio("security", "AuthorizationPolicy", NS, "payment-allow-checkout", {
      selector: { matchLabels: { app: "payment" } },
      action: "ALLOW",
      rules: [
        {
          from: [{ source: { principals: ["cluster.local/ns/shop/sa/shop-checkout"] } }],
          to: [{ operation: { methods: ["POST"], paths: ["/charge"] } }],
        },
      ],
    }),
    istio("security", "AuthorizationPolicy", NS, "cart-deny-delete", {
      selector: { matchLabels: { app: "cart" } },
      action: "DENY",
      rules: [{ to: [{ operation: { methods: ["DELETE"] } }] }],
    }),
  ];
}

/** The `shop` namespace and its objects. */
export function shopObjects(): { namespaces: KubeObject[]; objects: KubeObject[] } {
  return {
    namespaces: [namespace(NS, true)],
    objects: [
      ...SERVICES.map((s) => serviceAccount(NS, `shop-${s.name}`, s.name)),
      ...SERVICES.map((s) => service(NS, s.name, { app: s.name }, [s.port])),
      ...SERVICES.flatMap(workloads),
      ...istioObjects(),
    ],
  };
}
