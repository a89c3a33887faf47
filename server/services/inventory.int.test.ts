import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { overviewResponse, type OverviewResponse } from "@/lib/inventory/overview";
import { appListResponse, serviceDetail, serviceListResponse, workloadDetail, workloadListResponse } from "@/lib/inventory/schemas";
import { metricsResponse } from "@/lib/metrics/charts";
import { healthTallyQueries, healthTallyQuery } from "@/lib/metrics/health-query";
import { chooseTraffic } from "@/lib/metrics/tallies";
import { eventually } from "@/test/demo-env";
import { CONSOLE_IDENTITY } from "../kube/identity";
import { instantQuery } from "../prometheus/query";
import { readTallies } from "./health";
import { listNamespaces } from "./inventory";
import { GET as getApps } from "@/app/api/apps/route";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { GET as getOverview } from "@/app/api/overview/route";
import { GET as getServices } from "@/app/api/services/route";
import { GET as getServiceDetail } from "@/app/api/services/[ns]/[name]/route";
import { GET as getWorkloads } from "@/app/api/workloads/route";
import { GET as getWorkloadDetail } from "@/app/api/workloads/[ns]/[name]/route";

const req = (path: string) => new NextRequest(`http://localhost${path}`);
const ctx = (ns: string, name: string) => ({ params: Promise.resolve({ ns, name }) });

async function json(res: Response | Promise<Response>): Promise<unknown> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(200);
  return r.json();
}

describe("inventory with health on the demo mesh", () => {
  it("shows the shop's payment (15% of charges fail with 500) as failing, with the reason", async () => {
    const payment = await eventually(async () => {
      const { workloads } = workloadListResponse.parse(await json(getWorkloads(req("/api/workloads?namespaces=shop&window=1m"), undefined)));
      const w = workloads.find((x) => x.name === "payment-v1");
      return w && w.health.status !== "healthy" && w.traffic.inboundRps > 0 ? w : undefined;
    }, 60_000);
    expect(["failure", "degraded"]).toContain(payment.health.status);
    expect(payment.health.reasons.join("; ")).toMatch(/inbound HTTP 5xx/);
    expect(payment.health.requestsKnown).toBe(true);
    // The strict PeerAuthentication and the AuthorizationPolicy select payment's pods.
    expect(payment.istio.map((r) => `${r.kind}/${r.name}`)).toEqual(expect.arrayContaining(["AuthorizationPolicy/payment-allow-checkout", "PeerAuthentication/payment-strict"]));
  });

  it("judges the app and the service of a failing workload too", async () => {
    const { apps } = appListResponse.parse(await json(getApps(req("/api/apps?namespaces=shop&window=1m"), undefined)));
    expect(["failure", "degraded"]).toContain(apps.find((a) => a.name === "payment")?.health.status);
    const { services } = serviceListResponse.parse(await json(getServices(req("/api/services?namespaces=bookinfo,shop&window=1m"), undefined)));
    const reviews = services.find((s) => s.namespace === "bookinfo" && s.name === "reviews");
    expect(reviews?.versions).toEqual(["v1", "v2", "v3"]);
    expect(reviews?.istio.map((r) => `${r.kind}/${r.name}`)).toEqual(["DestinationRule/reviews", "VirtualService/reviews"]);
    expect(services.find((s) => s.name === "payment")?.health.status).toMatch(/failure|degraded/);
  });

  it("judges workloads without sidecars by what their callers report", async () => {
    const api = await eventually(async () => {
      const { workloads } = workloadListResponse.parse(await json(getWorkloads(req("/api/workloads?namespaces=legacy&window=1m"), undefined)));
      const w = workloads.find((x) => x.name === "legacy-api-v1");
      return w && w.traffic.inboundRps > 0 ? w : undefined;
    }, 60_000);
    expect(api.sidecar).toBe("missing");
    expect(api.health.status).toBe("healthy");
  });

  it("answers the overview with at most four Prometheus queries however many namespaces are shown", async () => {
    const one = overviewResponse.parse(await json(getOverview(req("/api/overview?namespaces=bookinfo&window=5m"), undefined)));
    const traffic = (o: OverviewResponse, ns: string) => o.namespaces.find((n) => n.name === ns)?.inbound.points.some((p) => p !== null && p > 0);
    const all: OverviewResponse = await eventually(async () => {
      const o = overviewResponse.parse(await json(getOverview(req("/api/overview?window=5m"), undefined)));
      return traffic(o, "bookinfo") && traffic(o, "legacy") ? o : undefined;
    }, 60_000);
    // The health query's two parts and the sparkline; then the callers' reports for namespaces whose
    // sparkline lacks points (legacy: no sidecars; and, while the demo is young, the start of the window).
    const health = ["health-destination", "health-source", "inbound-sparkline"];
    expect(one.stats.queries.map((q) => q.name).slice(0, 3)).toEqual(health);
    expect(all.stats.queries.map((q) => q.name)).toEqual([...health, "inbound-sparkline-fallback"]);
    expect(all.namespaces.map((n) => n.name)).toEqual(expect.arrayContaining(["bookinfo", "istio-system", "legacy", "shop"]));
    const bookinfo = all.namespaces.find((n) => n.name === "bookinfo");
    expect(bookinfo?.counts).toMatchObject({ apps: 4, workloads: 6, services: 4 });
    expect(bookinfo?.mtls).toMatchObject({ mode: "permissive", source: "default" });
    expect(all.namespaces.find((n) => n.name === "shop")?.mtls.workloadPolicies).toBe(1);
    // The legacy namespace has no sidecars: its health and its sparkline come from its callers' reports.
    expect(all.namespaces.find((n) => n.name === "legacy")?.inbound.rps).toBeGreaterThan(0);
    expect(traffic(all, "legacy")).toBe(true);
    expect(all.timestamps.length).toBe(bookinfo?.inbound.points.length);
  });

  it("details a workload: pods with their proxy apart, services, Istio objects and peers", async () => {
    const d = await eventually(async () => {
      const x = workloadDetail.parse(await json(getWorkloadDetail(req("/api/workloads/bookinfo/reviews-v2?window=1m"), ctx("bookinfo", "reviews-v2"))));
      return x.peers.some((p) => p.direction === "outbound") ? x : undefined;
    }, 60_000);
    expect(d.workload.services).toEqual(["reviews"]);
    expect(d.pods.length).toBe(1);
    expect(d.pods[0]?.containers.find((c) => c.name === "istio-proxy")?.proxy).toBe(true);
    expect(d.pods[0]?.containers.find((c) => c.name === "reviews")?.proxy).toBe(false);
    expect(d.istio.map((r) => `${r.kind}/${r.name}`)).toEqual(expect.arrayContaining(["DestinationRule/reviews", "VirtualService/reviews"]));
    expect(d.peers.filter((p) => p.direction === "inbound").map((p) => p.name)).toContain("productpage-v1");
    expect(d.peers.filter((p) => p.direction === "outbound").map((p) => p.name)).toContain("ratings");
    expect(d.health.totals.find((t) => t.direction === "inbound")?.rps).toBeGreaterThan(0);
  });

  it("answers 404 for a workload that does not exist and 422 for a malformed name", async () => {
    const missing = await getWorkloadDetail(req("/api/workloads/bookinfo/nope"), ctx("bookinfo", "nope"));
    expect(missing.status).toBe(404);
    const bad = await getWorkloadDetail(req("/api/workloads/Bad_NS/x"), ctx("Bad_NS", "x"));
    expect(bad.status).toBe(422);
  });

  it("details a service with the workloads and pods behind it", async () => {
    const d = serviceDetail.parse(await json(getServiceDetail(req("/api/services/bookinfo/reviews"), ctx("bookinfo", "reviews"))));
    expect(d.workloads.map((w) => w.name)).toEqual(["reviews-v1", "reviews-v2", "reviews-v3"]);
    expect(d.pods.map((p) => p.workload).sort()).toEqual(["reviews-v1", "reviews-v2", "reviews-v3"]);
  });

  it("charts a workload's inbound and outbound metrics, split by peer on demand", async () => {
    const m = await eventually(async () => {
      const r = metricsResponse.parse(await json(getMetrics(req("/api/metrics?kind=workload&namespace=bookinfo&name=reviews-v2&window=5m"), undefined)));
      const volume = r.inbound?.find((c) => c.id === "requests")?.series[0]?.values ?? [];
      return volume.filter((v) => v !== null && v > 0).length >= 2 ? r : undefined;
    }, 90_000);
    expect(m.stats.queries.map((q) => q.name)).toEqual(["requests", "latency", "sizes", "tcp"]);
    expect(m.reporters).toEqual({ inbound: "destination", outbound: "source" });
    const latency = m.inbound?.find((c) => c.id === "latency");
    expect(latency?.series.map((s) => s.name)).toEqual(["avg", "p50", "p95", "p99"]);
    const success = m.inbound?.find((c) => c.id === "success")?.series[0]?.values.filter((v): v is number => v !== null) ?? [];
    expect(Math.min(...success)).toBeGreaterThan(90);
    expect(m.outbound?.find((c) => c.id === "requests")?.series.length).toBe(1);

    const byPeer = metricsResponse.parse(await json(getMetrics(req("/api/metrics?kind=workload&namespace=bookinfo&name=reviews-v2&window=5m&split=peer"), undefined)));
    expect(byPeer.inbound?.find((c) => c.id === "requests")?.series.map((s) => s.name)).toContain("bookinfo/productpage-v1");
    expect(byPeer.outbound?.find((c) => c.id === "requests")?.series.map((s) => s.name)).toContain("bookinfo/ratings");
    const byCode = metricsResponse.parse(await json(getMetrics(req("/api/metrics?kind=service&namespace=bookinfo&name=ratings&window=5m&split=code"), undefined)));
    expect(byCode.outbound).toBeUndefined();
    await eventually(async () => {
      const r = metricsResponse.parse(await json(getMetrics(req("/api/metrics?kind=service&namespace=bookinfo&name=ratings&window=5m&split=code"), undefined)));
      const codes = r.inbound?.find((c) => c.id === "requests")?.series.map((s) => s.name) ?? [];
      return codes.includes("200") && codes.includes("500") ? true : undefined;
    }, 60_000);
  });

  it("charts TCP bytes of the shop's database", async () => {
    await eventually(async () => {
      const r = metricsResponse.parse(await json(getMetrics(req("/api/metrics?kind=app&namespace=shop&name=postgres&window=5m"), undefined)));
      const sent = r.inbound?.find((c) => c.id === "tcp_sent")?.series[0]?.values ?? [];
      return sent.some((v) => v !== null && v > 0) ? true : undefined;
    }, 60_000);
  });

  it("gets from the health query's two parts exactly the samples of the one query", async () => {
    const names = (await listNamespaces(CONSOLE_IDENTITY)).namespaces.map((n) => n.name);
    const time = Math.floor(Date.now() / 1000) - 5;
    const key = (s: { metric: Record<string, string>; value: number }) => `${JSON.stringify(Object.entries(s.metric).sort())}=${s.value}`;
    for (const scope of [{}, { everyNamespace: true }]) {
      const [whole, ...parts] = await Promise.all([
        instantQuery(healthTallyQuery(names.slice(0, 3), "5m", scope), { time }),
        ...healthTallyQueries(names.slice(0, 3), "5m", scope).map((q) => instantQuery(q.query, { time })),
      ]);
      expect(whole!.samples.length).toBeGreaterThan(0);
      expect(parts.flatMap((p) => p.samples).map(key).sort()).toEqual(whole!.samples.map(key).sort());
    }
  });

  it("reads the same tallies without namespace matchers when every namespace is selected", async () => {
    const names = (await listNamespaces(CONSOLE_IDENTITY)).namespaces.map((n) => n.name);
    const time = Math.floor(Date.now() / 1000) - 5;
    const deps = { query: instantQuery, now: () => time };
    const [withMatchers, without] = await Promise.all([readTallies(names, "5m", deps), readTallies(names, "5m", deps, { everyNamespace: true })]);
    const series = (r: typeof without) => r.stats.reduce((n, s) => n + s.series, 0);
    expect(series(without)).toBeGreaterThanOrEqual(series(withMatchers));
    const keys = [...(withMatchers.tallies?.workloads.keys() ?? [])];
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      const a = chooseTraffic(withMatchers.tallies?.workloads.get(k));
      const b = chooseTraffic(without.tallies?.workloads.get(k));
      expect([k, b.inboundRequests, b.outboundRequests, b.inboundErrors]).toEqual([k, a.inboundRequests, a.outboundRequests, a.inboundErrors]);
    }
  });
});
