import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { compareView, traceView, tracesPage } from "./pages/traces";

const demo = inject("demo");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
});

describe("traces on the demo mesh", () => {
  it("searches the traces of productpage.bookinfo, keeping the search in the URL", async () => {
    await page.goto(`${demo.consoleUrl}/traces?namespaces=bookinfo`);
    const t = tracesPage(page);
    await t.service().locator('option[value="productpage.bookinfo"]').waitFor({ state: "attached", timeout: 30_000 });
    await t.service().selectOption("productpage.bookinfo");
    await t.field("Limit").fill("30");
    await t.find().click();
    await page.waitForURL(/service=productpage\.bookinfo/);
    expect(page.url()).toMatch(/limit=30/);
    expect(page.url()).toMatch(/namespaces=bookinfo/);
    await t.rows().first().waitFor({ timeout: 30_000 });
    const rows = await t.rows().count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(30);
    expect(await t.dots().count()).toBe(rows);
    expect(await t.rows().first().textContent()).toContain("productpage.bookinfo");
    await page.screenshot({ path: "test-results/traces.png", fullPage: true });

    // A dot of the scatter plot opens its trace.
    const dot = t.dots().first();
    const dotId = await dot.getAttribute("data-key");
    await dot.click();
    await page.waitForURL(new RegExp(`/traces/${dotId}\\?`));
    await traceView(page).spans().first().waitFor({ timeout: 20_000 });
    await page.goBack();
    await page.waitForURL(/\/traces\?.*service=productpage\.bookinfo/);
    await t.rows().first().waitFor({ timeout: 30_000 });
  });

  it("refuses an invalid duration before searching", async () => {
    const t = tracesPage(page);
    const before = page.url();
    await t.field("Min duration").fill("5");
    await t.find().click();
    await t.form().getByText("must be a duration such as 500us, 1.5ms or 2s").waitFor();
    expect(page.url()).toBe(before);
    await t.field("Min duration").fill("");
  });

  it("opens a trace through reviews and ratings and shows its spans on a waterfall", async () => {
    const t = tracesPage(page);
    const row = t.rowsThrough("reviews.bookinfo", "ratings.bookinfo").first();
    await row.waitFor({ timeout: 30_000 });
    const traceId = await row.getAttribute("data-key");
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/traces/${traceId}`));

    const v = traceView(page);
    await v.spansOf("ratings.bookinfo").first().waitFor({ timeout: 20_000 });
    expect(await v.spansOf("productpage.bookinfo").count()).toBeGreaterThanOrEqual(2);
    expect(await v.spansOf("reviews.bookinfo").count()).toBeGreaterThanOrEqual(2);
    // The root: the gateway's client span, or productpage's server span for traffic from outside the mesh.
    expect(await v.spans().first().getAttribute("data-service")).toMatch(/^(istio-ingressgateway\.istio-system|productpage\.bookinfo)$/);
    const spans = await v.spans().count();
    expect(spans).toBeGreaterThanOrEqual(6);
    expect(await v.criticalSegments().count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="span-row"][data-critical="true"]').count()).toBeGreaterThan(1);

    const href = await v.graphLink().getAttribute("href");
    expect(href).toMatch(new RegExp(`^/graph\\?.*namespaces=bookinfo(,istio-system)?&trace=${traceId}$`));

    // A span's details: Istio's tags and the process.
    await v.spansOf("ratings.bookinfo").first().getByRole("button", { name: /ratings\.bookinfo/ }).click();
    const details = v.details();
    await details.waitFor();
    expect(await details.textContent()).toContain("istio.canonical_service");
    expect(await details.getByRole("table", { name: "Process tags" }).textContent()).toMatch(/hostname.*ratings-v1-/);

    await page.screenshot({ path: "test-results/trace.png", fullPage: true });

    // Collapsing the root hides every other span; expanding brings them back.
    const toggle = v.toggle(v.spans().first());
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await toggle.click();
    expect(await v.spans().count()).toBe(1);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await v.spans().count()).toBe(spans);
  });

  it("compares two traces picked from the list", async () => {
    await page.getByRole("link", { name: "← Traces" }).click();
    await page.waitForURL(/\/traces\?.*service=productpage\.bookinfo/);
    const t = tracesPage(page);
    await t.rows().nth(1).waitFor({ timeout: 30_000 });
    await t.compareBox(t.rows().nth(0)).check();
    await t.compareBox(t.rows().nth(1)).check();
    await t.compareLink().click();
    await page.waitForURL(/\/traces\/compare\?.*a=[0-9a-f]{32}&b=[0-9a-f]{32}/);
    const c = compareView(page);
    await c.table().waitFor({ timeout: 20_000 });
    expect(await c.rows().count()).toBeGreaterThanOrEqual(2);
    expect(await c.table().textContent()).toContain("productpage.bookinfo");
    await page.screenshot({ path: "test-results/trace-compare.png", fullPage: true });
  });
});
