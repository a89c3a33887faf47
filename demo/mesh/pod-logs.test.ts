import { describe, expect, it } from "vitest";
import type { KubeObject, LogLine } from "../contracts";
import { createPodLogBuffer } from "./pod-logs";
import { createHarness } from "./testing/harness";
import { FROM_CLIENT, miniMesh } from "./testing/mini-mesh";

const pod = (name: string, containers: string[], init: string[] = []): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "ns" },
  spec: { containers: containers.map((c) => ({ name: c })), initContainers: init.map((c) => ({ name: c })) },
});

const at = (s: number): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

describe("PodLogBuffer", () => {
  it("knows the containers of synced pods only", () => {
    const logs = createPodLogBuffer();
    expect(logs.lines("ns", "p", "app")).toBeUndefined();
    expect(logs.syncPods([pod("p", ["app", "istio-proxy"], ["istio-init"])]).map((p) => p.metadata.name)).toEqual(["p"]);
    expect(logs.lines("ns", "p", "app")).toEqual([]);
    expect(logs.lines("ns", "p", "istio-init")).toEqual([]);
    expect(logs.lines("ns", "p", "other")).toBeUndefined();
    logs.append("ns", "p", "other", { time: at(1), text: "dropped" });
    expect(logs.lines("ns", "p", "other")).toBeUndefined();
    expect(logs.syncPods([pod("p", ["app", "istio-proxy"])])).toEqual([]);
  });

  it("keeps the newest lines up to its bound, oldest first", () => {
    const logs = createPodLogBuffer({ maxLinesPerContainer: 3 });
    logs.syncPods([pod("p", ["app"])]);
    for (let i = 0; i < 10; i++) logs.append("ns", "p", "app", { time: at(i), text: `line ${i}` });
    expect(logs.lines("ns", "p", "app")?.map((l) => l.text)).toEqual(["line 7", "line 8", "line 9"]);
  });

  it("never lets time go backwards within a container", () => {
    const logs = createPodLogBuffer();
    logs.syncPods([pod("p", ["app"])]);
    logs.append("ns", "p", "app", { time: at(5), text: "a" });
    logs.append("ns", "p", "app", { time: at(3), text: "b" });
    expect(logs.lines("ns", "p", "app")!.map((l) => [l.time.getTime(), l.text])).toEqual([
      [at(5).getTime(), "a"],
      [at(5).getTime(), "b"],
    ]);
  });

  it("shares a total line budget between containers, keeping at least 50 each", () => {
    const logs = createPodLogBuffer({ maxLinesPerContainer: 1000, maxLines: 400 });
    logs.syncPods([pod("p", ["a", "b"])]);
    for (let i = 0; i < 300; i++) logs.append("ns", "p", "a", { time: at(i), text: `${i}` });
    expect(logs.lines("ns", "p", "a")).toHaveLength(200);
    logs.syncPods([pod("p", ["a", "b"]), pod("q", ["a", "b"]), pod("r", ["a", "b", "c", "d"])]);
    expect(logs.lines("ns", "p", "a")!.map((l) => l.text)).toEqual(Array.from({ length: 50 }, (_, i) => `${250 + i}`));
  });

  it("notifies subscribers until they unsubscribe, and forgets deleted pods", () => {
    const logs = createPodLogBuffer();
    logs.syncPods([pod("p", ["app"])]);
    const seen: LogLine[] = [];
    const off = logs.subscribe("ns", "p", "app", (l) => seen.push(l));
    logs.append("ns", "p", "app", { time: at(1), text: "one" });
    off();
    logs.append("ns", "p", "app", { time: at(2), text: "two" });
    expect(seen.map((l) => l.text)).toEqual(["one"]);
    logs.syncPods([]);
    expect(logs.lines("ns", "p", "app")).toBeUndefined();
  });
});

describe("simulated pod logs", () => {
  it("writes Envoy access-log lines on both proxies and application lines on the workload's pods", () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080, path: "/items", headers: { "end-user": "jason" } });
    const pods = h.state().pods;
    const client = pods.find((p) => p.metadata.labels?.app === "client")!.metadata.name;
    const servers = pods.filter((p) => p.metadata.labels?.app === "server").map((p) => p.metadata.name);
    const outbound = h.logs.lines("app", client, "istio-proxy")!.map((l) => l.text);
    expect(outbound.at(-1)).toMatch(
      /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] "GET \/items HTTP\/1\.1" 200 - via_upstream - "-" \d+ \d+ \d+ \d+ "-" "python-requests\/2\.31\.0" "[0-9a-f-]{36}" "server:8080" "10\.244\.\d+\.\d+:8080" outbound\|8080\|\|server\.app\.svc\.cluster\.local \S+ \S+:8080 \S+ - default$/,
    );
    const inbound = servers.flatMap((p) => h.logs.lines("app", p, "istio-proxy")!.map((l) => l.text)).filter((t) => t.includes("inbound|8080||"));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toContain("outbound_.8080_._.server.app.svc.cluster.local default");
    const app = servers.flatMap((p) => h.logs.lines("app", p, "server")!.map((l) => l.text));
    expect(app.some((t) => /INFO\s+server GET \/items 200/.test(t))).toBe(true);
    // Start-up lines exist for every container, including the proxy's.
    expect(h.logs.lines("app", client, "istio-proxy")![0]!.text).toContain("FLAG: --concurrency");
  });
});
