import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../contracts";
import { MeshIndex } from "../model/mesh-index";
import { resolveHost } from "../model/names";
import { PROFILE_ANNOTATION, readProfile, simProfileSchema } from "../profile";
import { meshStateFromObjects } from "../state-from-objects";
import { seedObjects } from "./seed";

interface DeploymentShape {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations: Record<string, string> };
      spec: { serviceAccountName: string; containers: Array<{ name: string }> };
    };
  };
}

const ofKind = (objects: KubeObject[], kind: string) => objects.filter((o) => o.kind === kind);
const tpl = (d: KubeObject) => (d as unknown as DeploymentShape).spec.template;

describe("seedObjects", () => {
  const objects = seedObjects();

  it("lists namespaces first and seeds no pods", () => {
    const firstOther = objects.findIndex((o) => o.kind !== "Namespace");
    expect(objects.slice(0, firstOther).every((o) => o.kind === "Namespace")).toBe(true);
    expect(objects.slice(firstOther).some((o) => o.kind === "Namespace")).toBe(false);
    expect(ofKind(objects, "Namespace").map((n) => n.metadata.name)).toEqual(["istio-system", "bookinfo", "shop", "legacy"]);
    expect(ofKind(objects, "Pod")).toEqual([]);
    expect(ofKind(objects, "ReplicaSet")).toEqual([]);
  });

  it("injects sidecars exactly where the namespace asks for them", () => {
    const injected = new Set(ofKind(objects, "Namespace").filter((n) => n.metadata.labels?.["istio-injection"] === "enabled").map((n) => n.metadata.name));
    expect([...injected].sort()).toEqual(["bookinfo", "shop"]);
    for (const d of ofKind(objects, "Deployment")) {
      const t = tpl(d);
      const hasProxy = t.spec.containers.some((c) => c.name === "istio-proxy");
      const gateway = t.metadata.labels.istio === "ingressgateway";
      expect(hasProxy, d.metadata.name).toBe(injected.has(d.metadata.namespace!) || gateway);
      if (injected.has(d.metadata.namespace!)) {
        expect(t.metadata.annotations["sidecar.istio.io/status"], d.metadata.name).toBeTruthy();
        expect(t.metadata.labels).toMatchObject({
          app: expect.any(String),
          version: expect.any(String),
          "service.istio.io/canonical-name": t.metadata.labels.app,
          "service.istio.io/canonical-revision": t.metadata.labels.version,
        });
      }
    }
  });

  it("gives every Deployment an existing service account and every Service named ports and a selector", () => {
    const accounts = new Set(ofKind(objects, "ServiceAccount").map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    for (const d of ofKind(objects, "Deployment")) {
      expect(accounts.has(`${d.metadata.namespace}/${tpl(d).spec.serviceAccountName}`), d.metadata.name).toBe(true);
      const { selector } = (d as unknown as DeploymentShape).spec;
      expect(Object.entries(selector.matchLabels).every(([k, v]) => tpl(d).metadata.labels[k] === v)).toBe(true);
    }
    for (const s of ofKind(objects, "Service")) {
      const spec = s.spec as { selector?: Record<string, string>; ports: Array<{ name?: string }> };
      expect(spec.selector, s.metadata.name).toBeTruthy();
      for (const p of spec.ports) expect(p.name, s.metadata.name).toBeTruthy();
    }
  });

  it("has the Bookinfo and shop shapes: versions, ports, gateway, ServiceEntry, a TCP database", () => {
    const names = ofKind(objects, "Deployment").map((d) => `${d.metadata.namespace}/${d.metadata.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "istio-system/istio-ingressgateway",
        "istio-system/istiod",
        "bookinfo/productpage-v1",
        "bookinfo/details-v1",
        "bookinfo/reviews-v1",
        "bookinfo/reviews-v2",
        "bookinfo/reviews-v3",
        "bookinfo/ratings-v1",
        "legacy/batch-client-v1",
        "legacy/legacy-api-v1",
      ]),
    );
    expect(ofKind(objects, "Service").filter((s) => s.metadata.namespace === "shop")).toHaveLength(11);
    const ports = ofKind(objects, "Service").flatMap((s) => (s.spec as { ports: Array<{ name: string }> }).ports.map((p) => `${s.metadata.name}:${p.name}`));
    expect(ports).toEqual(expect.arrayContaining(["reviews:http", "postgres:tcp-postgres", "catalog:grpc"]));
    const se = ofKind(objects, "ServiceEntry")[0]!;
    expect(se.spec).toMatchObject({ hosts: ["api.payments.example.com"], location: "MESH_EXTERNAL" });
    const gw = ofKind(objects, "Gateway").find((g) => g.metadata.name === "bookinfo-gateway")!;
    expect(gw.spec).toMatchObject({ selector: { istio: "ingressgateway" } });
    const ingress = ofKind(objects, "Service").find((s) => s.metadata.name === "istio-ingressgateway")!;
    expect(ingress.metadata.labels).toMatchObject({ app: "istio-ingressgateway", istio: "ingressgateway" });
  });

  it("declares valid profiles whose calls all resolve to a Service or ServiceEntry port", () => {
    const index = new MeshIndex(meshStateFromObjects(objects));
    for (const d of [...ofKind(objects, "Deployment"), ...ofKind(objects, "ServiceEntry")]) {
      const raw = d.metadata.annotations?.[PROFILE_ANNOTATION];
      if (!raw) continue;
      expect(simProfileSchema.safeParse(JSON.parse(raw)).success, d.metadata.name).toBe(true);
      const isGateway = d.metadata.name === "istio-ingressgateway";
      for (const call of readProfile(d).calls ?? []) {
        if (isGateway) continue;
        const host = resolveHost(call.host, d.metadata.namespace!, index.namespaces);
        const svc = index.services.get(host);
        expect(svc?.ports.some((p) => p.port === call.port), `${d.metadata.name} → ${call.host}:${call.port}`).toBe(true);
      }
    }
  });

  it("adds scale namespaces of ten workloads each", () => {
    const scaled = seedObjects({ scale: 3 });
    const ns = ofKind(scaled, "Namespace").map((n) => n.metadata.name);
    expect(ns.filter((n) => n.startsWith("scale-"))).toEqual(["scale-0", "scale-1", "scale-2"]);
    for (const n of ["scale-0", "scale-1", "scale-2"]) {
      expect(ofKind(scaled, "Deployment").filter((d) => d.metadata.namespace === n)).toHaveLength(10);
      expect(ofKind(scaled, "Service").filter((d) => d.metadata.namespace === n)).toHaveLength(10);
    }
  });
});
