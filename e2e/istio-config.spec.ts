import { CoreV1Api, KubeConfig, type V1Namespace } from "@kubernetes/client-node";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { istioConfigList, istioEditor } from "./pages/istio-config";

const demo = inject("demo");
const ns = `e2e-ic-${Date.now().toString(36)}`;
const kc = new KubeConfig();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  kc.loadFromFile(demo.kubeconfigPath);
  await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: ns, labels: { "istio-injection": "enabled" } } } as V1Namespace });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await kc.makeApiClient(CoreV1Api).deleteNamespace({ name: ns }).catch(() => undefined);
});

/** Waits until the URL's query has `name=value`. */
async function urlHas(p: Page, name: string, value: string) {
  await p.waitForFunction((q) => new URLSearchParams(location.search).get(q.name) === q.value, { name, value });
}

describe("Istio config: list, create from a template, edit, conflict, delete", () => {
  it("lists Bookinfo's objects with their findings, filtered by kind, severity and name (all in the URL)", async () => {
    await page.goto(`${demo.consoleUrl}/istio-config?namespaces=bookinfo`);
    const list = istioConfigList(page);
    await list.row("virtualservices/bookinfo/reviews").waitFor({ timeout: 30_000 });
    await list.row("gateways/bookinfo/bookinfo-gateway").waitFor();
    expect(await list.rows().count()).toBeGreaterThanOrEqual(7);
    expect(await list.findings("destinationrules/bookinfo/reviews").getAttribute("data-codes")).toBe("");

    await list.kind("VirtualService").click();
    await urlHas(page, "kinds", "virtualservices");
    expect(await list.count().textContent()).toMatch(/^2 of \d+ objects$/);
    await list.nameFilter().fill("rev");
    await urlHas(page, "q", "rev");
    expect(await list.rows().count()).toBe(1);
    await list.severity("error").click();
    await urlHas(page, "severity", "error");
    expect(await list.rows().count()).toBe(0);
    await list.severity("no findings").click();
    expect(await list.rows().count()).toBe(1);
    await page.screenshot({ path: "test-results/istio-config-list.png" });

    // The filters survive a reload: they live in the URL.
    await page.reload();
    await list.row("virtualservices/bookinfo/reviews").waitFor({ timeout: 30_000 });
    expect(await list.rows().count()).toBe(1);
  });

  it("shows each applying object's findings on a workload's page, linked to its editor", async () => {
    await page.goto(`${demo.consoleUrl}/workloads/bookinfo/reviews-v2?namespaces=bookinfo`);
    const ref = page.locator('[data-testid="istio-ref"][data-key="VirtualService/bookinfo/reviews"]');
    await ref.getByTestId("findings").waitFor({ timeout: 30_000 });
    expect(await ref.getByTestId("findings").getAttribute("data-codes")).toBe("");
    await ref.getByRole("link", { name: "bookinfo/reviews" }).click();
    await page.waitForURL(/\/istio-config\/bookinfo\/virtualservices\/reviews/);
    await page.locator(".cm-content").waitFor({ timeout: 30_000 });
    expect(await istioEditor(page).text()).toContain("kind: VirtualService");
  });

  it("creates a VirtualService from the template, with schema errors marked as you type", async () => {
    await page.goto(`${demo.consoleUrl}/istio-config?namespaces=${ns}`);
    const list = istioConfigList(page);
    await list.create().click();
    await list.createKind("VirtualService").click();
    await page.waitForURL(/\/istio-config\/new\?kind=virtualservices&namespace=e2e-ic-/);
    const ed = istioEditor(page);
    await ed.editor().waitFor();
    await page.locator(".cm-content").waitFor({ timeout: 30_000 });
    const template = await ed.text();
    expect(template).toContain(`namespace: ${ns}`);

    // A bad field: the schema error is listed and marked inline at the field.
    await ed.setText(template.replace("weight: 10", 'weight: "ten"').replace("name: my-service", "name: canary"));
    await ed.problems("schema").first().waitFor({ timeout: 15_000 });
    expect(await ed.problems("schema").first().textContent()).toMatch(/must be integer.*spec\.http\[0\]\.route\[1\]\.weight/);
    expect(await ed.errorMarks().count()).toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/istio-config-schema-error.png" });

    // Fixed: no schema problem left; validation findings (the template's host does not exist) remain.
    await ed.setText(template.replace("name: my-service", "name: canary"));
    await ed.problemsSettled().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-problem"][data-source="schema"]').length === 0);
    await ed.problems("validation").first().waitFor({ timeout: 15_000 });
    expect(await ed.problems("validation").first().getAttribute("data-code")).toBe("VS004");

    await ed.create().click();
    await page.waitForURL(new RegExp(`/istio-config/${ns}/virtualservices/canary`), { timeout: 15_000 });
    await ed.objectEditor().waitFor({ timeout: 15_000 });
    expect(await ed.outcome().getAttribute("data-outcome")).toBe("done");
  });

  it("edits and saves, then refuses a save over someone else's change and offers to reload", async () => {
    const ed = istioEditor(page);
    await page.locator(".cm-content").waitFor({ timeout: 30_000 });
    const first = await ed.text();
    await ed.setText(first.replace("weight: 90", "weight: 80").replace("weight: 10", "weight: 20"));
    await ed.save().click();
    await page.locator('[data-testid="write-outcome"][data-outcome="done"]', { hasText: "Saved" }).waitFor({ timeout: 15_000 });
    const rvAfterFirstSave = await ed.objectEditor().getAttribute("data-resource-version");

    // Someone else opens it in another tab, changes it and saves.
    const other = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await other.goto(page.url());
    const ed2 = istioEditor(other);
    await other.locator(".cm-content").waitFor({ timeout: 30_000 });
    const theirs = await ed2.text();
    expect(theirs).toContain("weight: 80");
    await ed2.setText(theirs.replace("weight: 80", "weight: 70").replace("weight: 20", "weight: 30"));
    await ed2.save().click();
    await other.locator('[data-testid="write-outcome"][data-outcome="done"]').waitFor({ timeout: 15_000 });
    // The overview counts the namespace's findings (the template's hosts and subsets do not exist).
    await other.goto(`${demo.consoleUrl}/`);
    const findings = other.getByTestId(`namespace-card-${ns}`).getByTestId("config-findings");
    await findings.waitFor({ timeout: 30_000 });
    expect(Number(await findings.getAttribute("data-errors"))).toBeGreaterThanOrEqual(2);
    await other.screenshot({ path: "test-results/istio-config-overview.png" });
    await other.close();

    // Back in the first tab, a change made on the old version is refused.
    const mine = (await ed.text()).replace("weight: 80", "weight: 60").replace("weight: 20", "weight: 40");
    await ed.setText(mine);
    await ed.save().click();
    await page.locator('[data-testid="write-outcome"][data-outcome="conflict"]').first().waitFor({ timeout: 15_000 });
    expect(await ed.outcome().first().textContent()).toMatch(/changed by someone else since you opened it/);
    expect(await ed.keptText().inputValue()).toContain("weight: 60");
    await page.screenshot({ path: "test-results/istio-config-conflict.png" });

    await ed.reload().first().click();
    await page.waitForFunction((rv) => document.querySelector('[data-testid="object-editor"]')?.getAttribute("data-resource-version") !== rv, rvAfterFirstSave);
    expect(await ed.text()).toContain("weight: 70");
    expect(await ed.keptText().inputValue()).toContain("weight: 60");
  });

  it("deletes with a typed confirmation", async () => {
    const ed = istioEditor(page);
    await ed.delete().click();
    await expect(ed.confirmDelete().isDisabled()).resolves.toBe(true);
    await ed.confirmName().fill("canary");
    await ed.confirmDelete().click();
    await page.waitForURL(/\/istio-config\?/, { timeout: 15_000 });
    const res = await fetch(`${demo.consoleUrl}/api/istio-config/${ns}/virtualservices/canary`);
    expect(res.status).toBe(404);
  });
});
