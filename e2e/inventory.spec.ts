import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { detailPage, listPage, overviewPage } from "./pages/inventory";

const demo = inject("demo");
let browser: Browser;
let page: Page;

/** Waits until a locator's attribute, read as a number, satisfies `ok`. */
async function attrWhen(l: Locator, name: string, ok: (v: number) => boolean, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = Number(await l.getAttribute(name, { timeout: timeoutMs }).catch(() => null));
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${name}=${v} never satisfied the condition`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
});

describe("overview → namespace → workload → metrics → logs", () => {
  it("shows every namespace with health, mTLS and an inbound sparkline", async () => {
    await page.goto(`${demo.consoleUrl}/?refresh=10s`);
    const o = overviewPage(page);
    await o.card("bookinfo").waitFor({ timeout: 30_000 });
    for (const ns of ["istio-system", "shop", "legacy"]) await o.card(ns).waitFor();
    expect(await o.card("bookinfo").textContent()).toContain("6 workloads");
    expect(await o.mtls("bookinfo").getAttribute("data-mode")).toBe("permissive");
    // The shop's payment fails 15% of its requests: the shop shows a failing app once traffic is in.
    await o.failurePill("shop").waitFor({ timeout: 90_000 });
    await attrWhen(o.sparkline("bookinfo"), "data-points", (v) => v >= 2, 90_000);
    await page.screenshot({ path: "test-results/overview.png", fullPage: true });

    await o.filter().fill("book");
    expect(await o.count().textContent()).toMatch(/^1 of \d+ namespaces$/);
    await o.filter().fill("");
  });

  it("opens a namespace's workloads, then a workload's page with its pods and peers", async () => {
    const o = overviewPage(page);
    await o.open("bookinfo").click();
    await page.waitForURL(/\/workloads\?.*namespaces=bookinfo/);
    const list = listPage(page, "workload-row");
    await list.row("bookinfo/reviews-v2").waitFor({ timeout: 30_000 });
    expect(await list.rows().count()).toBe(6);
    expect(await list.row("bookinfo/reviews-v2").textContent()).toMatch(/VS\s*reviews/);
    await page.screenshot({ path: "test-results/workloads-list.png" });

    await list.link("bookinfo/reviews-v2", "reviews-v2").click();
    await page.waitForURL(/\/workloads\/bookinfo\/reviews-v2/);
    const d = detailPage(page);
    expect(await d.heading().textContent()).toBe("reviews-v2");
    await d.healthPanel().waitFor();
    await d.pods().first().waitFor();
    expect(await d.pods().count()).toBe(1);
    expect(await d.pods().first().textContent()).toContain("proxy: istio-proxy");
    await d.peer("inbound:bookinfo/productpage-v1").waitFor({ timeout: 60_000 });
    await d.peer("outbound:bookinfo/ratings").waitFor({ timeout: 60_000 });
    expect(await d.istio().textContent()).toContain("bookinfo/reviews");
    await page.screenshot({ path: "test-results/workload-overview.png", fullPage: true });
  });

  it("draws the workload's inbound and outbound charts with data", async () => {
    const d = detailPage(page);
    await d.tab("Traffic").click();
    await page.waitForURL(/tab=traffic/);
    const volume = d.chart("Inbound traffic", "requests");
    await attrWhen(volume, "data-points", (v) => v >= 2);
    await volume.locator("canvas").waitFor();
    await attrWhen(d.chart("Inbound traffic", "latency"), "data-points", (v) => v >= 4);
    await attrWhen(d.chart("Outbound traffic", "requests"), "data-points", (v) => v >= 2);
    expect(await d.chart("Inbound traffic", "success").textContent()).toContain("Success ratio");
    await page.screenshot({ path: "test-results/workload.png", fullPage: true });

    await d.split("By peer").click();
    await page.waitForFunction(() => document.querySelector('[data-chart="requests"] .u-legend')?.textContent?.includes("bookinfo/productpage-v1"), undefined, { timeout: 30_000 });
  });

  it("shows the application's log lines, and the proxy's apart", async () => {
    const d = detailPage(page);
    await d.tab("Logs").click();
    const app = d.logView("reviews");
    await attrWhen(app.getByTestId("log-lines"), "data-lines", (v) => v > 0, 30_000);
    const proxy = d.logView("istio-proxy");
    await attrWhen(proxy.getByTestId("log-lines"), "data-lines", (v) => v > 0, 30_000);
    expect(await app.textContent()).not.toEqual(await proxy.textContent());
    await page.screenshot({ path: "test-results/workload-logs.png", fullPage: true });
  });
});

describe("a list of 5,000 workloads", () => {
  /** 5,000 rows in 50 namespaces, in the shape the API answers (served by Playwright, not the demo). */
  function rows() {
    const statuses = ["healthy", "degraded", "failure", "not-ready", "no-data"] as const;
    return Array.from({ length: 5_000 }, (_, i) => ({
      namespace: `load-${String(Math.floor(i / 100)).padStart(2, "0")}`,
      name: `svc-${String(i).padStart(4, "0")}-v1`,
      kind: "Deployment",
      app: `svc-${i}`,
      version: "v1",
      labels: { app: `svc-${i}`, version: "v1", team: `t${i % 7}` },
      desiredReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      pods: 2,
      podsReady: 2,
      sidecar: "present",
      health: { status: statuses[i % 5], reasons: [], problems: [], requestsKnown: true },
      traffic: { inboundRps: i % 13, outboundRps: 1, inboundErrorPercent: 0 },
      services: [`svc-${i}`],
      istio: i % 3 ? [] : [{ kind: "VirtualService", namespace: "x", name: `svc-${i}`, scope: "host" }],
    }));
  }

  it("renders only the rows in view and scrolls to the last one smoothly", async () => {
    const body = JSON.stringify({ workloads: rows(), window: "5m" });
    await page.route("**/api/workloads?*", (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
    try {
      await page.goto(`${demo.consoleUrl}/workloads?namespaces=load-00&refresh=off`);
      const list = listPage(page, "workload-row");
      await list.row("load-00/svc-0000-v1").waitFor({ timeout: 30_000 });
      expect(await list.count().textContent()).toBe("5000 workloads");
      expect(await list.rows().count()).toBeLessThan(80);

      // Scroll like a wheel or a trackpad does, ten rows a step, timing each step until it is painted.
      const frames = await page.evaluate(async () => {
        const box = document.querySelector('[role="table"][aria-label="Workloads"] > div') as HTMLElement;
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          const t = performance.now();
          box.scrollTop += 440;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          times.push(performance.now() - t);
        }
        box.scrollTop = box.scrollHeight;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return times.sort((a, b) => a - b);
      });
      await list.row("load-49/svc-4999-v1").waitFor();
      expect(await list.rows().count()).toBeLessThan(80);
      const median = frames[Math.floor(frames.length / 2)] ?? 0;
      console.log(`5,000 rows: median scroll step ${median.toFixed(1)} ms (two frames), slowest ${frames.at(-1)?.toFixed(1)} ms`);
      // Each step waits two frames (~33 ms at 60 Hz); a list that renders every row would take seconds.
      expect(median).toBeLessThan(100);

      await list.healthFilter().selectOption("failure");
      expect(await list.count().textContent()).toBe("1000 of 5000 workloads");
    } finally {
      await page.unroute("**/api/workloads?*");
    }
  });
});

describe("live updates", () => {
  const kc = new KubeConfig();
  const ns = `e2e-live-${Date.now().toString(36)}`;
  let apps: AppsV1Api;
  let core: CoreV1Api;

  beforeAll(async () => {
    kc.loadFromFile(demo.kubeconfigPath);
    apps = kc.makeApiClient(AppsV1Api);
    core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "live-v1" },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: "live" } },
          template: { metadata: { labels: { app: "live", version: "v1" } }, spec: { containers: [{ name: "live", image: "nginx" }] } },
        },
      },
    });
  });

  afterAll(async () => {
    await core?.deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it("updates an open workloads list within seconds when a deployment scales, without polling", async () => {
    await page.goto(`${demo.consoleUrl}/workloads?namespaces=${ns}&refresh=off`);
    const row = listPage(page, "workload-row").row(`${ns}/live-v1`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain("1/1");
    await page.getByText("Live", { exact: true }).waitFor({ timeout: 10_000 });
    const started = Date.now();
    await apps.replaceNamespacedDeploymentScale({ name: "live-v1", namespace: ns, body: { metadata: { name: "live-v1", namespace: ns }, spec: { replicas: 3 } } });
    await page.waitForFunction(
      ({ key }) => document.querySelector(`[data-testid="workload-row"][data-key="${key}"]`)?.textContent?.includes("3/3"),
      { key: `${ns}/live-v1` },
      { timeout: 10_000 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
