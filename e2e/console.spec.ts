import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { shell, workloadsPage } from "./pages/shell";

const demo = inject("demo");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe("the console on the demo mesh", () => {
  it("shows every upstream as ready on the overview", async () => {
    await page.goto(`${demo.consoleUrl}/`);
    const s = shell(page);
    for (const name of ["kubernetes", "prometheus", "jaeger"] as const) {
      const card = s.upstreamCard(name);
      await card.getByText("Ready", { exact: true }).waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain(name === "kubernetes" ? demo.kubeUrl : name === "prometheus" ? demo.prometheusUrl : demo.jaegerUrl);
    }
    await page.getByTestId("namespace-card-bookinfo").waitFor();
  });

  it("picks a namespace, keeps it in the URL, and lists its workloads", async () => {
    const s = shell(page);
    await s.nav("Workloads").click();
    await page.getByText("Select one or more namespaces").waitFor();
    await s.namespacePicker().click();
    await s.namespaceOption("bookinfo").check();
    await page.waitForURL(/namespaces=bookinfo/);

    const w = workloadsPage(page);
    for (const name of ["productpage-v1", "details-v1", "reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1"]) {
      await w.row(`bookinfo/${name}`).waitFor({ timeout: 20_000 });
    }
    const review = await w.row("bookinfo/reviews-v2").textContent();
    expect(review).toContain("bookinfo");
    expect(review).toMatch(/\d+\/\d+/);

    // The view is shareable: opening the same URL in a new page shows the same selection.
    await page.screenshot({ path: "test-results/workloads.png", fullPage: true });
    const again = await browser.newPage();
    await again.goto(page.url());
    await workloadsPage(again).row("bookinfo/ratings-v1").waitFor({ timeout: 20_000 });
    expect(await shell(again).namespacePicker().textContent()).toContain("bookinfo");
    await again.close();
  });

  it("keeps the time window and refresh choice in the URL across navigation", async () => {
    const s = shell(page);
    await s.windowPicker().selectOption("1h");
    await s.refreshPicker().selectOption("off");
    await page.waitForURL(/window=1h/);
    await s.nav("Overview").click();
    await page.waitForURL(/window=1h/);
    expect(page.url()).toMatch(/refresh=off/);
    expect(page.url()).toMatch(/namespaces=bookinfo/);
  });
});
