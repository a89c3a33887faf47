import { describe, expect, it } from "vitest";
import {
  authorizationPolicy,
  destinationRule,
  gateway,
  mesh,
  peerAuthentication,
  requestAuthentication,
  service,
  serviceEntry,
  sidecar,
  virtualService,
  weightedRoute,
} from "./fixtures";
import type { MeshConfigInput } from "./input";
import { prepareMesh } from "./prepared";
import type { ConfigKind, Finding, ObjectRef } from "./types";
import { validateMesh, validateObject, type ValidateObjectOptions } from "./validate";

/** A mesh where rules of every kind have something to say, and objects refer to each other. */
const busy = mesh({
  virtualServices: [
    weightedRoute(50, 49),
    virtualService("bookinfo", "reviews-dup", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v1" } }] }] }),
    virtualService("shop", "cart", { hosts: ["cart"], gateways: ["nope"], http: [{ route: [{ destination: { host: "cart", subset: "v9" }, weight: 50 }] }] }),
    virtualService("bookinfo", "ext", { hosts: ["api.example.com"], http: [{ route: [{ destination: { host: "api.example.com" } }] }] }),
  ],
  destinationRules: [
    destinationRule("bookinfo", "reviews", { host: "reviews", trafficPolicy: { tls: { mode: "DISABLE" } }, subsets: [{ name: "v1", labels: { version: "v1" } }, { name: "v9", labels: { version: "v9" } }] }, "2024-01-01T00:00:00Z"),
    destinationRule("bookinfo", "reviews-again", { host: "reviews.bookinfo.svc.cluster.local" }, "2024-02-01T00:00:00Z"),
    destinationRule("shop", "cart", { host: "cart", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }),
  ],
  gateways: [
    gateway("istio-system", "public", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*.example.com"] }] }),
    gateway("bookinfo", "dup", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*.example.com"] }] }),
  ],
  serviceEntries: [serviceEntry("bookinfo", "api", { hosts: ["api.example.com"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }] })],
  sidecars: [sidecar("bookinfo", "default", { egress: [{ hosts: ["./ratings.bookinfo.svc.cluster.local", "shop/nowhere.shop.svc.cluster.local", "ghost/*"] }] })],
  peerAuthentications: [peerAuthentication("bookinfo", "default", { mtls: { mode: "STRICT" } }), peerAuthentication("shop", "default", { mtls: { mode: "DISABLE" } })],
  authorizationPolicies: [
    authorizationPolicy("bookinfo", "ratings", {
      selector: { matchLabels: { app: "ratings" } },
      rules: [{ from: [{ source: { namespaces: ["ghost"], principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews", "cluster.local/ns/bookinfo/sa/ghost", "cluster.local/ns/shop/sa/*"] } }] }],
    }),
    authorizationPolicy("shop", "nobody", { selector: { matchLabels: { app: "nobody" } } }),
  ],
  requestAuthentications: [requestAuthentication("bookinfo", "jwt", { selector: { matchLabels: { app: "nobody" } } })],
  services: [...(mesh().services ?? []), service("bookinfo", "web", { app: "web" }, [{ name: "web", port: 80 }])],
});

const LISTS = {
  VirtualService: "virtualServices",
  DestinationRule: "destinationRules",
  Gateway: "gateways",
  ServiceEntry: "serviceEntries",
  Sidecar: "sidecars",
  PeerAuthentication: "peerAuthentications",
  AuthorizationPolicy: "authorizationPolicies",
  RequestAuthentication: "requestAuthentications",
  Service: "services",
} as const satisfies Record<ConfigKind, keyof MeshConfigInput>;

type Raw = { kind: ConfigKind; metadata: { namespace: string; name: string } };

/** The oracle: the whole mesh judged with the draft applied, keeping the draft's findings. */
function judgedApplied(input: MeshConfigInput, draft: Raw, replaces?: ObjectRef): Finding[] {
  const key = LISTS[draft.kind];
  const same = (o: unknown, ref: { namespace: string; name: string }) => {
    const m = (o as { metadata?: { namespace?: string; name?: string } }).metadata;
    return m?.namespace === ref.namespace && m?.name === ref.name;
  };
  const kept = (input[key] ?? []).filter((o) => !same(o, draft.metadata) && !(replaces?.kind === draft.kind && same(o, replaces)));
  const applied = { ...input, [key]: [...kept, draft] } as MeshConfigInput;
  return validateMesh(applied).filter((f) => f.object.kind === draft.kind && f.object.namespace === draft.metadata.namespace && f.object.name === draft.metadata.name);
}

const asRaw = (o: unknown, kind: ConfigKind): Raw => ({ ...(o as object), kind }) as Raw;

/** Every object of the mesh as it is, plus edits, new objects and renames of every kind. */
const drafts: Array<{ draft: Raw; options?: ValidateObjectOptions }> = [
  ...Object.entries(LISTS).flatMap(([kind, key]) => (busy[key] ?? []).map((o) => ({ draft: asRaw(o, kind as ConfigKind) }))),
  { draft: asRaw(weightedRoute(60, 40), "VirtualService") },
  { draft: asRaw(virtualService("bookinfo", "new", { hosts: ["reviews", "ratings"], http: [{ route: [{ destination: { host: "ratings", subset: "v1" } }] }] }), "VirtualService") },
  {
    draft: asRaw(virtualService("bookinfo", "renamed", { hosts: ["reviews"] }), "VirtualService"),
    options: { replaces: { kind: "VirtualService", namespace: "bookinfo", name: "reviews-dup" } },
  },
  { draft: asRaw(destinationRule("bookinfo", "reviews", { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }] }), "DestinationRule") },
  { draft: asRaw(destinationRule("bookinfo", "ratings", { host: "ratings", trafficPolicy: { tls: { mode: "DISABLE" } } }), "DestinationRule") },
  { draft: asRaw(gateway("bookinfo", "dup", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["other.example.com"] }] }), "Gateway") },
  { draft: asRaw(serviceEntry("bookinfo", "api", { hosts: ["other.example.com"] }), "ServiceEntry") },
  { draft: asRaw(serviceEntry("shop", "nowhere", { hosts: ["nowhere.shop.svc.cluster.local"] }), "ServiceEntry") },
  { draft: asRaw(sidecar("shop", "default", { egress: [{ hosts: ["bookinfo/*", "ghost/*"] }] }), "Sidecar") },
  { draft: asRaw(peerAuthentication("bookinfo", "default", { mtls: { mode: "PERMISSIVE" } }), "PeerAuthentication") },
  { draft: asRaw(peerAuthentication("shop", "strict", { selector: { matchLabels: { app: "cart" } }, mtls: { mode: "STRICT" } }), "PeerAuthentication") },
  { draft: asRaw(authorizationPolicy("shop", "from-bookinfo", { rules: [{ from: [{ source: { principals: ["cluster.local/ns/bookinfo/sa/nobody-*", "cluster.local/ns/gone/sa/x"] } }] }] }), "AuthorizationPolicy") },
  { draft: asRaw(requestAuthentication("shop", "jwt", { selector: { matchLabels: { app: "cart" } } }), "RequestAuthentication") },
  { draft: asRaw(service("bookinfo", "reviews", { app: "reviews" }, [{ name: "grpc-web", port: 80, appProtocol: "http" }]), "Service") },
  { draft: asRaw(service("shop", "nowhere", { app: "nowhere" }), "Service") },
];

describe("a prepared snapshot", () => {
  const prepared = prepareMesh(busy);

  it("judges the whole mesh exactly as the raw snapshot", () => {
    const findings = validateMesh(busy);
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(15);
    expect(validateMesh(prepared)).toEqual(findings);
  });

  it("judges every draft exactly as the raw snapshot, and as the whole mesh with the draft applied", () => {
    let total = 0;
    for (const { draft, options } of drafts) {
      const label = `${draft.kind} ${draft.metadata.namespace}/${draft.metadata.name}`;
      const expected = judgedApplied(busy, draft, options?.replaces);
      expect(validateObject(draft, busy, options), label).toEqual(expected);
      expect(validateObject(draft, prepared, options), label).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThanOrEqual(25);
  });

  it("is not changed by the drafts judged against it", () => {
    for (const { draft, options } of drafts) validateObject(draft, prepared, options);
    expect(validateMesh(prepared)).toEqual(validateMesh(busy));
  });
});
