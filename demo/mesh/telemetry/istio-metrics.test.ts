import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";
import { readFixture } from "../testing/fixtures";
import { FROM_CLIENT, miniMesh } from "../testing/mini-mesh";
import { createIstioMetrics, ISTIO_BYTE_BUCKETS, ISTIO_DURATION_BUCKETS } from "./istio-metrics";
import { HTTP_LABEL_NAMES, TCP_LABEL_NAMES } from "./label-names";

/** Label names of each sample line of `metric` in Prometheus text output, in printed order. */
function printedLabelNames(text: string, metric: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l.startsWith(`${metric}{`))
    .map((l) => [...l.slice(l.indexOf("{") + 1, l.lastIndexOf("}")).matchAll(/(\w+)="(?:[^"\\]|\\.)*"/g)].map((m) => m[1]!));
}

describe("Istio metric label sets", () => {
  it("match the fixtures' label names, in order", () => {
    expect(readFixture("client_request_total.yaml.tmpl").labelNames).toEqual([...HTTP_LABEL_NAMES]);
    expect(readFixture("server_request_total.yaml.tmpl").labelNames).toEqual([...HTTP_LABEL_NAMES]);
    for (const f of ["tcp_client_sent_bytes", "tcp_server_sent_bytes", "tcp_server_received_bytes", "tcp_server_connection_open", "tcp_server_connection_close"]) {
      expect(readFixture(`${f}.yaml.tmpl`).labelNames, f).toEqual([...TCP_LABEL_NAMES]);
    }
  });

  it("are printed in fixture order for every Istio metric the simulator emits", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080, path: "/" });
    h.sim.send({ from: FROM_CLIENT, host: "db", port: 5432 });
    const text = await h.metrics.registry.metrics();
    const http = readFixture("client_request_total.yaml.tmpl").labelNames;
    const tcp = readFixture("tcp_server_sent_bytes.yaml.tmpl").labelNames;
    const requests = printedLabelNames(text, "istio_requests_total");
    expect(requests).toHaveLength(2);
    for (const names of requests) expect(names).toEqual(http);
    for (const h2 of ["istio_request_duration_milliseconds", "istio_request_bytes", "istio_response_bytes"]) {
      const buckets = printedLabelNames(text, `${h2}_bucket`);
      expect(buckets.length).toBeGreaterThan(0);
      for (const names of buckets) expect(names).toEqual([...http, "le"]);
      for (const names of printedLabelNames(text, `${h2}_count`)) expect(names).toEqual(http);
    }
    for (const t of ["istio_tcp_sent_bytes_total", "istio_tcp_received_bytes_total", "istio_tcp_connections_opened_total"]) {
      const lines = printedLabelNames(text, t);
      expect(lines.length, t).toBe(2);
      for (const names of lines) expect(names).toEqual(tcp);
    }
  });
});

describe("Istio metric names, types and buckets", () => {
  it("declares the standard metrics with Istio's types", async () => {
    const text = await createIstioMetrics().registry.metrics();
    for (const [name, type] of [
      ["istio_requests_total", "counter"],
      ["istio_request_duration_milliseconds", "histogram"],
      ["istio_request_bytes", "histogram"],
      ["istio_response_bytes", "histogram"],
      ["istio_tcp_sent_bytes_total", "counter"],
      ["istio_tcp_received_bytes_total", "counter"],
      ["istio_tcp_connections_opened_total", "counter"],
      ["istio_tcp_connections_closed_total", "counter"],
    ]) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
  });

  it("uses Envoy's default buckets for durations and sizes, with +Inf, _sum and _count", async () => {
    expect(ISTIO_DURATION_BUCKETS).toEqual([0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000]);
    const m = createIstioMetrics();
    const peer = Object.fromEntries(HTTP_LABEL_NAMES.slice(0, 21).map((n) => [n, "x"])) as never;
    m.recordHttp(peer, { responseCode: 200, grpcStatus: "", flags: "-", security: "none" }, 7, 300, 4000);
    m.recordHttp(peer, { responseCode: 200, grpcStatus: "", flags: "-", security: "none" }, 700, 300, 40);
    const text = await m.registry.metrics();
    const bucket = (metric: string, le: string): number => Number(new RegExp(`${metric}_bucket\\{[^}]*le="${le.replace("+", "\\+")}"\\} (\\S+)`).exec(text)?.[1]);
    expect(bucket("istio_request_duration_milliseconds", "5")).toBe(0);
    expect(bucket("istio_request_duration_milliseconds", "10")).toBe(1);
    expect(bucket("istio_request_duration_milliseconds", "1000")).toBe(2);
    expect(bucket("istio_request_duration_milliseconds", "+Inf")).toBe(2);
    expect(bucket("istio_response_bytes", "50")).toBe(1);
    expect(bucket("istio_response_bytes", "5000")).toBe(2);
    expect(text).toMatch(/istio_request_duration_milliseconds_sum\{[^}]*\} 707\n/);
    expect(text).toMatch(/istio_request_duration_milliseconds_count\{[^}]*\} 2\n/);
    expect(ISTIO_BYTE_BUCKETS).toEqual(ISTIO_DURATION_BUCKETS);
  });

  it("keeps metrics on its own registry, not prom-client's global one", async () => {
    const { register } = await import("prom-client");
    createIstioMetrics();
    expect(register.getSingleMetric("istio_requests_total")).toBeUndefined();
  });
});

describe("renderRegistry", () => {
  it("prints exactly what prom-client's registry prints, label values escaped", async () => {
    const { renderRegistry } = await import("./exposition");
    const { Gauge } = await import("prom-client");
    const h = createHarness(miniMesh());
    for (let i = 0; i < 20; i++) h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080 });
    h.sim.send({ from: FROM_CLIENT, host: "db", port: 5432 });
    const peer = Object.fromEntries(HTTP_LABEL_NAMES.slice(0, 21).map((n) => [n, 'a"b\\c\nd'])) as never;
    h.metrics.recordHttp(peer, { responseCode: 200, grpcStatus: "", flags: "-", security: "none" }, 1, 1, 1);
    new Gauge({ name: "other_metric", help: "Not an Istio one.", registers: [h.metrics.registry] }).set(3);
    const text = await renderRegistry(h.metrics.registry);
    expect(text).toBe(await h.metrics.registry.metrics());
    expect(text).toContain('source_workload="a\\"b\\\\c\\nd"');
  });
});
