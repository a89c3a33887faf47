import { describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import { humanDuration } from "./age";
import { resourceTypesOfCrd } from "./crd";
import { BUILTIN_RESOURCES } from "./resource-types";
import { evaluateJsonPath, toTable } from "./tables";

const NOW = Date.parse("2025-01-01T12:00:00Z");
const type = (plural: string) => BUILTIN_RESOURCES.find((t) => t.plural === plural)!;
const created = "2025-01-01T11:55:00Z"; // 5m before NOW

function pod(overrides: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "reviews-v1-abc-12345", namespace: "bookinfo", creationTimestamp: created },
    spec: { nodeName: "demo-node", containers: [{ name: "reviews" }, { name: "istio-proxy" }] },
    status: {
      phase: "Running",
      podIP: "10.244.0.5",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [
        { name: "istio-proxy", ready: true, restartCount: 0, state: { running: {} } },
        { name: "reviews", ready: true, restartCount: 0, state: { running: {} } },
      ],
      ...overrides,
    },
  };
}

describe("human durations (kubectl's AGE)", () => {
  it("formats like duration.HumanDuration", () => {
    const s = 1000;
    expect(humanDuration(59 * s)).toBe("59s");
    expect(humanDuration(119 * s)).toBe("119s");
    expect(humanDuration(5 * 60 * s + 3 * s)).toBe("5m3s");
    expect(humanDuration(5 * 60 * s)).toBe("5m");
    expect(humanDuration(45 * 60 * s)).toBe("45m");
    expect(humanDuration(5 * 3600 * s + 20 * 60 * s)).toBe("5h20m");
    expect(humanDuration(30 * 3600 * s)).toBe("30h");
    expect(humanDuration(3 * 86400 * s + 4 * 3600 * s)).toBe("3d4h");
    expect(humanDuration(40 * 86400 * s)).toBe("40d");
    expect(humanDuration(800 * 86400 * s)).toBe("2y70d");
    expect(humanDuration(-5 * s)).toBe("<invalid>");
  });
});

describe("Tables of built-in kinds", () => {
  it("pods: NAME READY STATUS RESTARTS AGE, wide columns at priority 1, metadata rows", () => {
    const table = toTable(type("pods"), [pod()], { now: NOW, resourceVersion: "42" });
    expect(table).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: { resourceVersion: "42" } });
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0", "Ready:0", "Status:0", "Restarts:0", "Age:0", "IP:1", "Node:1", "Nominated Node:1", "Readiness Gates:1",
    ]);
    expect(table.columnDefinitions[0]?.format).toBe("name");
    expect(table.rows[0]?.cells).toEqual(["reviews-v1-abc-12345", "2/2", "Running", "0", "5m", "10.244.0.5", "demo-node", "<none>", "<none>"]);
    expect(table.rows[0]?.object).toEqual({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: pod().metadata });
  });

  it("pods: not-ready containers, waiting reasons, restarts with the last restart's age, Terminating", () => {
    const restarted = pod({
      containerStatuses: [
        { name: "istio-proxy", ready: false, restartCount: 2, state: { running: {} }, lastState: { terminated: { finishedAt: "2025-01-01T11:58:00Z" } } },
        { name: "reviews", ready: true, restartCount: 1, state: { running: {} } },
      ],
    });
    expect(toTable(type("pods"), [restarted], { now: NOW }).rows[0]?.cells.slice(1, 4)).toEqual(["1/2", "Running", "3 (2m ago)"]);
    const waiting = pod({ phase: "Pending", containerStatuses: [{ name: "reviews", ready: false, restartCount: 0, state: { waiting: { reason: "ImagePullBackOff" } } }] });
    expect(toTable(type("pods"), [waiting], { now: NOW }).rows[0]?.cells[2]).toBe("ImagePullBackOff");
    const deleting = { ...pod(), metadata: { ...pod().metadata, deletionTimestamp: created } };
    expect(toTable(type("pods"), [deleting], { now: NOW }).rows[0]?.cells[2]).toBe("Terminating");
  });

  it("deployments, services, namespaces and endpoints", () => {
    const deployment: KubeObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "reviews-v1", creationTimestamp: created },
      spec: { replicas: 3, selector: { matchLabels: { app: "reviews" } }, template: { spec: { containers: [{ name: "reviews", image: "r:1" }, { name: "istio-proxy", image: "p:1" }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(toTable(type("deployments"), [deployment], { now: NOW }).columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Name", "Ready", "Up-to-date", "Available", "Age"]);
    expect(toTable(type("deployments"), [deployment], { now: NOW }).rows[0]?.cells).toEqual(["reviews-v1", "2/3", 3, 2, "5m", "reviews,istio-proxy", "r:1,p:1", "app=reviews"]);

    const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s", creationTimestamp: created }, spec, status });
    const table = toTable(type("services"), [
      svc({ type: "ClusterIP", clusterIP: "10.96.0.20", ports: [{ port: 9080, protocol: "TCP" }], selector: { app: "r" } }),
      svc({ type: "NodePort", clusterIP: "10.96.0.21", ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }, { port: 53, protocol: "UDP" }] }),
      svc({ type: "LoadBalancer", clusterIP: "10.96.0.22", ports: [{ port: 80, nodePort: 30081 }] }),
      svc({ type: "ExternalName", externalName: "example.com" }),
    ], { now: NOW });
    expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"]);
    expect(table.rows.map((r) => r.cells.slice(1, 5))).toEqual([
      ["ClusterIP", "10.96.0.20", "<none>", "9080/TCP"],
      ["NodePort", "10.96.0.21", "<none>", "80:30080/TCP,53/UDP"],
      ["LoadBalancer", "10.96.0.22", "<pending>", "80:30081/TCP"],
      ["ExternalName", "<none>", "example.com", "<none>"],
    ]);

    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "bookinfo", creationTimestamp: created }, status: { phase: "Active" } };
    expect(toTable(type("namespaces"), [ns], { now: NOW }).rows[0]?.cells).toEqual(["bookinfo", "Active", "5m"]);

    const ep: KubeObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "reviews", creationTimestamp: created },
      subsets: [{ addresses: [1, 2, 3, 4].map((n) => ({ ip: `10.0.0.${n}` })), ports: [{ port: 9080 }] }],
    };
    expect(toTable(type("endpoints"), [ep], { now: NOW }).rows[0]?.cells[1]).toBe("10.0.0.1:9080,10.0.0.2:9080,10.0.0.3:9080 + 1 more...");
  });

  it("includeObject None/Object and watch tables without column definitions", () => {
    expect(toTable(type("pods"), [pod()], { includeObject: "None" }).rows[0]?.object).toBeUndefined();
    expect(toTable(type("pods"), [pod()], { includeObject: "Object" }).rows[0]?.object).toEqual(pod());
    expect(toTable(type("pods"), [pod()], { omitColumns: true }).columnDefinitions).toEqual([]);
  });
});

describe("Tables of custom resources", () => {
  const crd: KubeObject = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "virtualservices.networking.istio.io" },
    spec: {
      group: "networking.istio.io",
      scope: "Namespaced",
      names: { plural: "virtualservices", kind: "VirtualService", singular: "virtualservice", shortNames: ["vs"] },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          additionalPrinterColumns: [
            { name: "Gateways", type: "string", jsonPath: ".spec.gateways" },
            { name: "Hosts", type: "string", jsonPath: ".spec.hosts" },
            { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          ],
        },
      ],
    },
  };

  it("use additionalPrinterColumns, printing lists as JSON and dates as ages", () => {
    const [vsType] = resourceTypesOfCrd(crd);
    const vs: KubeObject = { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "reviews", creationTimestamp: created }, spec: { hosts: ["reviews", "reviews.x"] } };
    const table = toTable(vsType!, [vs], { now: NOW });
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.type}`)).toEqual(["Name:string", "Gateways:string", "Hosts:string", "Age:date"]);
    expect(table.rows[0]?.cells).toEqual(["reviews", null, '["reviews","reviews.x"]', "5m"]);
  });

  it("evaluates simple JSONPaths", () => {
    expect(evaluateJsonPath({ spec: { ports: [{ port: 80 }] } }, ".spec.ports[0].port")).toBe(80);
    expect(evaluateJsonPath({ spec: {} }, ".spec.mtls.mode")).toBeUndefined();
  });
});
