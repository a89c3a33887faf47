import type { Browser, Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { syntheticGraphResponse } from "@/lib/graph-view/fixtures/synthetic-graph";
import { startConsole } from "@/demo/console";
import { closedPortUrl, freePort } from "@/test/ports";
import { launchBrowser } from "./browser";
import { graphPage } from "./pages/graph";
import { traceView, tracesPage } from "./pages/traces";

const demo = inject("demo");
let browser: Browser;
let page: Page;

const PRODUCTPAGE = "app:bookinfo:productpage:v1";
const DETAILS = "app:bookinfo:details:v1";
const REVIEWS = ["v1", "v2", "v3"].map((v) => `app:bookinfo:reviews:${v}`);
const RATINGS = "app:bookinfo:ratings:v1";
const [REVIEWS_V1, REVIEWS_V2, REVIEWS_V3] = REVIEWS as [string, string, string];

const BOOKINFO = `/graph?namespaces=bookinfo&graphType=versionedApp&serviceNodes=false&window=1m`;

/** Opens a graph URL and waits until the table lists every edge in `edges` (the demo's traffic may need a scrape or two). */
async function openGraph(url: string, edges: string[]): Promise<ReturnType<typeof graphPage>> {
  await page.goto(`${demo.consoleUrl}${url}`);
  const g = graphPage(page);
  const deadline = Date.now() + 60_000;
  for (;;) {
    await g.ready().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const { edges: listed } = await g.tableGraph();
    if (edges.every((e) => listed.includes(e))) return g;
    if (Date.now() > deadline) throw new Error(`edges not all listed: wanted ${edges.join(", ")}; got ${listed.join(", ")}`);
    await page.waitForTimeout(2_000);
    await g.refresh().click();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
});

describe("the graph page on the demo mesh", () => {
  it("asks for a namespace first", async () => {
    await page.goto(`${demo.consoleUrl}/graph`);
    await page.getByText("Select one or more namespaces above to see their service graph.").waitFor();
  });

  it("draws Bookinfo: productpage → reviews v1/v2/v3, v2 and v3 → ratings, laid out left to right", async () => {
    const bookinfoEdges = [
      `${PRODUCTPAGE} -> ${DETAILS}`,
      ...REVIEWS.map((r) => `${PRODUCTPAGE} -> ${r}`),
      `${REVIEWS_V2} -> ${RATINGS}`,
      `${REVIEWS_V3} -> ${RATINGS}`,
    ];
    const g = await openGraph(BOOKINFO, bookinfoEdges);
    const { nodes, edges } = await g.tableGraph();
    for (const id of [PRODUCTPAGE, DETAILS, ...REVIEWS, RATINGS]) expect(nodes).toContain(id);
    expect(edges).not.toContain(`${REVIEWS_V1} -> ${RATINGS}`);
    // Every edge out of bookinfo's apps is one of Bookinfo's calls (the rest come from the ingress side).
    const internal = edges.filter((e) => e.startsWith("app:bookinfo:"));
    expect(internal.sort()).toEqual([...bookinfoEdges].sort());

    // What Cytoscape draws is what the table lists; namespaces are boxes (compound nodes) with their names.
    expect(await g.drawnCounts()).toEqual({ nodes: nodes.length, edges: edges.length });
    expect(await g.canvas().getAttribute("data-compound")).toBe("true");
    expect(await g.compoundIds()).toContain("ns:bookinfo");
    expect(await g.label("ns:bookinfo")).toBe("bookinfo");
    expect(await g.label(PRODUCTPAGE)).toBe("productpage\nv1");
    // Hierarchical layout, left to right: callers left of callees.
    const x = async (id: string) => (await g.modelPosition(id))!.x;
    expect(await x(PRODUCTPAGE)).toBeLessThan(await x(REVIEWS_V2));
    expect(await x(REVIEWS_V1)).toBe(await x(REVIEWS_V2));
    expect(await x(REVIEWS_V2)).toBeLessThan(await x(RATINGS));
    expect(await g.canvas().getAttribute("data-layout-where")).toBe("worker");

    // ratings answers 3% of 500s: its callers' edges are not healthy, and the legend explains colours.
    expect(await g.nodeRow(RATINGS).textContent()).toMatch(/Degraded|Failure/);
    await g.legend().getByText("Ingress / traffic source").waitFor();

    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/graph.png", fullPage: true });
  });

  it("opens a node's panel with its numbers and charts when it is clicked", async () => {
    const g = graphPage(page);
    const p = await g.nodePoint(REVIEWS_V2);
    await page.mouse.click(p.x, p.y);
    await g.sidePanel().getByRole("heading", { name: "reviews v2" }).waitFor();
    await page.waitForURL(/selected=app%3Abookinfo%3Areviews%3Av2/);
    expect(await g.fact("Inbound").textContent()).toMatch(/HTTP \d[\d.]* rps/);
    expect(await g.fact("Outbound").textContent()).toMatch(/HTTP \d[\d.]* rps/);
    expect(await g.fact("mTLS (inbound)").textContent()).toBe("100%");
    expect(await g.fact("Principals").textContent()).toContain("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews");
    await g.sidePanel().getByRole("table", { name: "Callers" }).getByText("productpage v1").waitFor();
    await g.sidePanel().getByRole("table", { name: "Calls" }).getByText("ratings v1").waitFor();
    // Charts from Prometheus range queries: the rate has a latest value, latency its percentiles.
    const rate = g.charts().filter({ hasText: "Request rate" });
    await rate.waitFor({ timeout: 20_000 });
    expect(await rate.getAttribute("aria-label")).toMatch(/in \d[\d.]* rps/);
    const latency = g.charts().filter({ hasText: "Latency" });
    expect(await latency.getAttribute("aria-label")).toMatch(/p50 \d[\d.]*m?s, p95 \d[\d.]*m?s, p99 \d[\d.]*m?s/);
    expect(await g.sidePanel().getByRole("link", { name: "Traces" }).getAttribute("href")).toBe("/traces?service=reviews.bookinfo");
    expect(await g.sidePanel().getByRole("link", { name: "Details" }).getAttribute("href")).toBe("/applications/bookinfo/reviews");
    await page.screenshot({ path: "test-results/graph-panel.png" });
    await g.sidePanel().getByRole("button", { name: "Close details" }).click();
    await g.sidePanel().waitFor({ state: "detached" });
  });

  it("opens a node's traffic wizards from its context menu (mouse or keyboard) and from its panel", async () => {
    const g = graphPage(page);
    const p = await g.nodePoint(REVIEWS_V2);
    await page.mouse.click(p.x, p.y, { button: "right" });
    const menu = g.nodeMenu();
    await menu.waitFor();
    expect(await menu.getAttribute("aria-label")).toBe("Change traffic: reviews v2");
    const shifting = menu.getByRole("link", { name: "Traffic shifting" });
    expect(await shifting.getAttribute("href")).toBe("/wizards/traffic-shifting?namespace=bookinfo&service=reviews");
    expect(await menu.getByRole("link", { name: "Fault injection" }).getAttribute("href")).toBe("/wizards/fault-injection?namespace=bookinfo&service=reviews");
    // Opened at the click, focus on its first entry; arrows move, Escape closes and gives focus back to the graph.
    const box = (await menu.boundingBox())!;
    expect(Math.abs(box.x - p.x)).toBeLessThan(250);
    expect(Math.abs(box.y - p.y)).toBeLessThan(400);
    expect(await shifting.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await menu.getByRole("link", { name: "Request routing" }).evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    expect(await g.canvas().evaluate((el) => el === document.activeElement)).toBe(true);

    // A click elsewhere closes it too.
    await page.mouse.click(p.x, p.y, { button: "right" });
    await menu.waitFor();
    await page.getByTestId("graph-summary").click();
    await menu.waitFor({ state: "detached" });

    // Keyboard only: the selected node's menu opens with Shift+F10 on the focused graph.
    await page.mouse.click(p.x, p.y);
    await g.sidePanel().getByRole("heading", { name: "reviews v2" }).waitFor();
    await g.canvas().focus();
    await page.keyboard.press("Shift+F10");
    await menu.waitFor();
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });

    // The side panel offers the same wizards.
    const section = g.changeTraffic();
    await section.getByRole("heading", { name: "Change traffic" }).waitFor();
    expect(await section.getByRole("link", { name: "Timeouts and retries" }).getAttribute("href")).toBe("/wizards/timeouts-retries?namespace=bookinfo&service=reviews");
    await g.sidePanel().getByRole("button", { name: "Close details" }).click();
    await g.sidePanel().waitFor({ state: "detached" });
  });

  it("opens an edge's panel from the table view, with codes, latency and mTLS", async () => {
    const g = graphPage(page);
    await page.getByRole("button", { name: /^Table view:/ }).click();
    await g.edgeRow(REVIEWS_V3, RATINGS).getByRole("button").click();
    await g.sidePanel().getByRole("heading", { name: "reviews v3 → ratings v1" }).waitFor();
    expect(await g.fact("Protocol").textContent()).toBe("HTTP");
    expect(await g.fact("Responses").textContent()).toMatch(/200: [\d.]+ rps, 500: [\d.]+ rps/);
    expect(await g.fact("Latency").textContent()).toMatch(/^avg [\d.]+m?s · p50 [\d.]+m?s · p95 [\d.]+m?s · p99 [\d.]+m?s$/);
    expect(await g.fact("mTLS").textContent()).toBe("100%");
    expect(await g.fact("Destination principals").textContent()).toContain("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-ratings");
    await g.charts().filter({ hasText: "Error ratio" }).waitFor({ timeout: 20_000 });
    await g.sidePanel().getByRole("button", { name: "Close details" }).click();
    await page.getByRole("button", { name: /^Table view:/ }).click();
  });

  it("animates traffic on the overlay only while asked to, and exports SVG and PNG", async () => {
    const g = graphPage(page);
    const still1 = await g.overlayFingerprint();
    await page.waitForTimeout(300);
    expect(await g.overlayFingerprint()).toEqual(still1);
    expect(still1.painted).toBeGreaterThan(0); // the mTLS padlocks
    await page.getByRole("checkbox", { name: "Traffic animation" }).check();
    await page.waitForURL(/traffic=true/);
    await page.waitForTimeout(200);
    const a = await g.overlayFingerprint();
    await page.waitForTimeout(250);
    const b = await g.overlayFingerprint();
    expect(a.painted).toBeGreaterThan(still1.painted);
    expect(b.hash).not.toBe(a.hash);
    await page.getByRole("checkbox", { name: "Traffic animation" }).uncheck();
    await page.waitForTimeout(200);
    expect((await g.overlayFingerprint()).painted).toBe(still1.painted);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
    expect(svg.suggestedFilename()).toBe("meshscope-graph.svg");
    const text = await readFile((await svg.path())!, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    for (const label of ["productpage", "ratings", "bookinfo", "rps"]) expect(text).toContain(label);
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export PNG" }).click()]);
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it("highlights what a find expression matches and explains a bad one", async () => {
    const g = graphPage(page);
    await g.find().fill("version = v2");
    await g.find().press("Enter");
    await page.waitForURL(/find=version/);
    await page.getByTestId("find-count").getByText("1 found").waitFor();
    expect(await g.foundNodeRows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")))).toEqual([REVIEWS_V2]);
    expect(await g.hasClass(REVIEWS_V2, "found")).toBe(true);
    expect(await g.hasClass(REVIEWS_V3, "found")).toBe(false);

    await g.find().fill("version = v2 or error > 1%");
    await g.find().press("Enter");
    await page.waitForURL(/find=version.*error/);
    // ratings answers 3% of 500s: its error ratio is over 1% (the rows follow the URL a render later).
    await expect.poll(() => g.foundNodeRows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id"))), { timeout: 10_000 }).toContain(RATINGS);
    const found = await g.foundNodeRows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
    expect(found).toContain(REVIEWS_V2);
    expect(found).toContain(RATINGS);
    expect(found).not.toContain(DETAILS);

    await g.find().fill("rsp > 10");
    await page.getByRole("alert").filter({ hasText: 'Unknown field "rsp" at 1' }).waitFor();
    expect(await g.find().getAttribute("aria-invalid")).toBe("true");
    await g.find().press("Enter");
    // A bad expression is not applied: the last good one stays in the URL.
    expect(decodeURIComponent(page.url())).toContain("find=version = v2 or error > 1%".replace(/ /g, "+"));
    await g.find().fill("");
    await g.find().press("Enter");
  });

  it("hides by expression", async () => {
    const g = graphPage(page);
    await g.hide().fill("name = reviews");
    await g.hide().press("Enter");
    await page.getByTestId("hide-count").waitFor();
    await g.nodeRow(REVIEWS_V1).waitFor({ state: "detached" });
    const { nodes, edges } = await g.tableGraph();
    expect(nodes.filter((n) => n.startsWith("app:bookinfo:reviews"))).toEqual([]);
    expect(edges.some((e) => e.includes("reviews"))).toBe(false);
    expect(nodes).toContain(PRODUCTPAGE);
    await g.hide().fill("");
    await g.hide().press("Enter");
    await g.nodeRow(REVIEWS_V1).waitFor();
  });

  it("focuses on a node's callers and callees on double-click, and Back returns to the whole graph", async () => {
    const g = graphPage(page);
    const before = await g.modelPosition(PRODUCTPAGE);
    const p = await g.nodePoint(REVIEWS_V2);
    await page.mouse.dblclick(p.x, p.y);
    await page.waitForURL(/focus=app%3Abookinfo%3Areviews%3Av2/);
    await g.nodeRow(DETAILS).waitFor({ state: "detached" });
    const { nodes } = await g.tableGraph();
    expect(nodes).toEqual([PRODUCTPAGE, RATINGS, REVIEWS_V2].sort());
    await page.goBack();
    await g.nodeRow(DETAILS).waitFor();
    expect(page.url()).not.toMatch(/focus=/);
    await g.ready().waitFor();
    expect(await g.modelPosition(PRODUCTPAGE)).toEqual(before);
  });

  it("keeps positions on refresh; lays a different graph (service nodes, force layout) out again", async () => {
    const g = graphPage(page);
    const before = await g.modelPosition(REVIEWS_V3);
    await g.refresh().click();
    await page.waitForTimeout(1_500);
    expect(await g.modelPosition(REVIEWS_V3)).toEqual(before);
    // Service nodes: a different graph, laid out again; productpage's service sits between its caller and it.
    await page.getByRole("checkbox", { name: "Service nodes" }).check();
    await g.edgeRow("service:bookinfo:reviews", REVIEWS_V2).waitFor({ timeout: 20_000 });
    await g.ready().waitFor();
    const svc = await g.modelPosition("service:bookinfo:reviews");
    const v2 = await g.modelPosition(REVIEWS_V2);
    expect(svc!.x).toBeLessThan(v2!.x);

    // The force-directed layout (in the worker too) moves the same nodes elsewhere.
    await page.getByRole("combobox", { name: "Layout" }).selectOption("force");
    await page.waitForURL(/layout=force/);
    await expect.poll(async () => JSON.stringify(await g.modelPosition(REVIEWS_V2)), { timeout: 20_000 }).not.toBe(JSON.stringify(v2));
    expect(await g.canvas().getAttribute("data-layout-where")).toBe("worker");
    expect((await g.drawnCounts()).nodes).toBe((await g.tableGraph()).nodes.length);
  });

  it("shows a trace's path: from a productpage trace through reviews to ratings, highlighted, the rest dimmed", async () => {
    // A trace that went productpage → reviews → ratings, opened from the traces page.
    await page.goto(`${demo.consoleUrl}/traces?namespaces=bookinfo&service=productpage.bookinfo&limit=40`);
    const t = tracesPage(page);
    const row = t.rowsThrough("reviews.bookinfo", "ratings.bookinfo").first();
    await row.waitFor({ timeout: 30_000 });
    const traceId = (await row.getAttribute("data-key"))!;
    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/traces/${traceId}`));
    await traceView(page).graphLink().click();
    await page.waitForURL(new RegExp(`/graph\\?.*trace=${traceId}`));

    const g = graphPage(page);
    const banner = g.traceBanner();
    await banner.getByText(/^Showing the path of trace [0-9a-f]{7} \(\d+ spans\)/).waitFor({ timeout: 30_000 });
    expect(await banner.getByRole("link", { name: "Open the trace" }).getAttribute("href")).toMatch(new RegExp(`^/traces/${traceId}`));
    await g.ready().waitFor({ timeout: 30_000 });
    await expect.poll(() => g.withClass("trace-path"), { timeout: 20_000 }).toContain(RATINGS);
    const path = await g.withClass("trace-path");
    for (const id of [PRODUCTPAGE, "service:bookinfo:reviews", "service:bookinfo:ratings", RATINGS]) expect(path).toContain(id);
    // ratings is called by reviews v2 or v3: the one this trace went through is on the path, v1 is dimmed.
    const via = [REVIEWS_V2, REVIEWS_V3].filter((id) => path.includes(id));
    expect(via).toHaveLength(1);
    expect(path).not.toContain(REVIEWS_V1);
    expect(await g.withClass("trace-dim")).toContain(REVIEWS_V1);
    for (const [s, d] of [
      [PRODUCTPAGE, "service:bookinfo:reviews"],
      ["service:bookinfo:reviews", via[0]!],
      [via[0]!, "service:bookinfo:ratings"],
      ["service:bookinfo:ratings", RATINGS],
    ] as const) {
      expect(await g.edgeHasClass(s, d, "trace-path"), `${s} -> ${d}`).toBe(true);
    }
    await page.screenshot({ path: "test-results/graph-trace.png" });

    await banner.getByRole("button", { name: "Stop showing the trace" }).click();
    await banner.waitFor({ state: "detached" });
    expect(page.url()).not.toMatch(/trace=/);
    await expect.poll(() => g.withClass("trace-dim"), { timeout: 5_000 }).toEqual([]);
  });

  it("lays out and draws a 1,200-node graph off the main thread, with namespace boxes and labels only when zoomed in", async () => {
    const response = syntheticGraphResponse(1_200, 3);
    const big = JSON.stringify(response);
    await page.route("**/api/graph?*", (route) => route.fulfill({ status: 200, contentType: "application/json", body: big }));
    const url = `${demo.consoleUrl}/graph?namespaces=scale&graphType=workload&serviceNodes=false&refresh=off`;
    const g = graphPage(page);
    const gl = await page.evaluate(() => {
      const ctx = document.createElement("canvas").getContext("webgl2");
      const info = ctx?.getExtension("WEBGL_debug_renderer_info");
      return { available: ctx !== null, renderer: ctx && info ? String(ctx.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "" };
    });
    const software = /swiftshader|llvmpipe|software/i.test(gl.renderer);

    for (const renderer of ["auto", "webgl"] as const) {
      if (renderer === "webgl" && !gl.available) continue;
      const started = Date.now();
      await page.goto(`${url}&renderer=${renderer}`);
      await g.ready().waitFor({ timeout: 60_000 });
      const drawn = await g.canvas().getAttribute("data-renderer");
      const layoutMs = Number(await g.canvas().getAttribute("data-layout-ms"));
      const measures = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType("measure").filter((m) => m.name.startsWith("meshscope:")).map((m) => [m.name, Math.round(m.duration)])),
      );
      console.log(`1,200 nodes (${renderer}): ready in ${Date.now() - started} ms, layout ${layoutMs} ms in the web worker, ${drawn} renderer (WebGL: ${gl.renderer || "none"})`, measures);
      expect(await g.canvas().getAttribute("data-layout-where")).toBe("worker");
      expect(layoutMs).toBeLessThan(1_000);
      expect(drawn).toBe(renderer === "webgl" || (gl.available && !software) ? "webgl" : "canvas");
      expect((await g.drawnCounts()).nodes).toBe(1_200);
    }
    // Level of detail: zoomed out, no labels at all; zoomed in on a node, the nodes in view get theirs.
    const first = response.nodes[0]!.id;
    expect(await g.label(first)).toBe("");
    expect(await g.withClass("lod-label")).toEqual([]);
    await g.zoomOn(first, 1.5);
    await expect.poll(() => g.label(first), { timeout: 5_000 }).not.toBe("");
    const labelled = await g.withClass("lod-label");
    expect(labelled).toContain(first);
    expect(labelled.length).toBeLessThan(400);
    await g.zoomOn(first, 0.05);
    await expect.poll(() => g.withClass("lod-label"), { timeout: 5_000 }).toEqual([]);
    await page.getByRole("button", { name: "Fit" }).click();
    // Namespace boxes are drawn under the graph instead of as compound nodes.
    expect(await g.canvas().getAttribute("data-compound")).toBe("false");
    expect((await g.overlayFingerprint("graph-underlay")).painted).toBeGreaterThan(10_000);
    await page.getByText("The first 500 rows of each table are listed").waitFor({ state: "attached" });
    await page.screenshot({ path: "test-results/graph-scale.png" });
    await page.unroute("**/api/graph?*");
  });

  it("says why there is no graph when Prometheus fails", async () => {
    // A second console on the same build, pointed at a port where no Prometheus listens: a real failure.
    const closed = await closedPortUrl();
    const broken = await startConsole({ kubeconfigPath: demo.kubeconfigPath, prometheusUrl: closed, jaegerUrl: demo.jaegerUrl }, { port: await freePort(), stdio: "pipe" });
    try {
      await page.goto(`${broken.url}/graph?namespaces=bookinfo&window=10m`);
      const g = graphPage(page);
      await g.error().waitFor({ timeout: 30_000 });
      expect(await g.error().textContent()).toContain("Prometheus is unreachable or failed (HTTP 502)");
      expect(await g.error().textContent()).toContain(closed);
    } finally {
      await broken.stop();
    }
  });
});
