import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { wizardContext } from "@/lib/wizards/api";
import { launchBrowser } from "./browser";
import { ISTIO_KINDS, istioObjects, type IstioObject, type Snapshot } from "./fixtures/istio-objects";
import { edgesInto, namespaceGraph, tableEdges, until, versionSplit } from "./fixtures/mesh-readings";
import { graphPage } from "./pages/graph";
import { wizardPage } from "./pages/wizards";

/**
 * The wizards end to end on the demo mesh and real Prometheus: shift reviews to 80% v1 / 20% v3 and
 * see the graph follow, then STRICT mTLS on bookinfo and see its edges all mutual TLS. The Istio
 * objects of bookinfo are put back as they were afterwards (directly through the Kubernetes API, as
 * kubectl would), so that the other specs see the default demo.
 */

const demo = inject("demo");
const NS = "bookinfo";
let browser: Browser;
let page: Page;

const objects = istioObjects(demo.kubeconfigPath, NS);
const VS = ISTIO_KINDS[0];
const graph = () => namespaceGraph(demo.consoleUrl ?? "", NS);

let saved: Snapshot;

beforeAll(async () => {
  saved = await objects.snapshot();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && page) {
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
    await page.screenshot({ path: `test-results/wizards-failed-${name}.png`, fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  if (saved) await objects.restore(saved);
});

const PRODUCTPAGE = `app:${NS}:productpage:v1`;
const REVIEWS = (v: string) => `app:${NS}:reviews:${v}`;

describe("wizards on the demo mesh", () => {
  const w = () => wizardPage(page);

  it("offers the service's wizards from its Actions menu", async () => {
    await page.goto(`${demo.consoleUrl}/services/${NS}/reviews`);
    await w().actions().click();
    for (const t of ["Traffic shifting", "Request routing", "Fault injection", "Timeouts and retries", "Remove routing"]) await w().menuLink(t).waitFor();
    await w().menuLink("Traffic shifting").click();
    await page.waitForURL(/\/wizards\/traffic-shifting\?namespace=bookinfo&service=reviews$/);
    await w().heading().getByText("Traffic shifting").waitFor();
    // The weights in force: the demo's reviews VirtualService sends 50/50 to v1 and v3.
    await w().weight("v3").waitFor();
    expect(await w().weights()).toEqual({ v1: "50", v2: "0", v3: "50" });
  });

  it("refuses a bad weight on its field and keeps Preview and Apply disabled", async () => {
    await w().setWeight("v1", 150);
    expect(await w().fieldError("weights.0.weight").textContent()).toBe("must be at most 100");
    expect(await w().fieldError("weights").textContent()).toMatch(/must sum to 100/);
    expect(await w().weight("v1").getAttribute("aria-invalid")).toBe("true");
    expect(await w().applyButton().isDisabled()).toBe(true);
    expect(await w().previewButton().isDisabled()).toBe(true);
    await w().setWeight("v1", 12.5);
    expect(await w().fieldError("weights.0.weight").textContent()).toBe("must be a whole number");
    expect(await w().applyButton().isDisabled()).toBe(true);
    // A good value clears the errors and rebalances the others.
    await w().setWeight("v1", 80);
    expect(await w().weights()).toEqual({ v1: "80", v2: "0", v3: "20" });
    expect(await w().fieldError("weights.0.weight").count()).toBe(0);
    expect(await w().previewButton().isDisabled()).toBe(false);
    expect(await w().applyButton().isDisabled()).toBe(true);
    expect(await w().applyBlocker().textContent()).toMatch(/Preview the changes first/);
  });

  let appliedAt = 0;

  it("previews 80% v1 / 20% v3 (YAML, diff, dry run), survives a conflict with Reload, and applies", async () => {
    await w().setWeight("v1", 80);
    await w().setWeight("v2", 0);
    await w().setWeight("v3", 20);
    expect(await w().weights()).toEqual({ v1: "80", v2: "0", v3: "20" });
    await w().previewButton().click();
    await w().currentPreview().waitFor();

    const vs = w().change("VirtualService", "reviews");
    expect(await vs.getAttribute("data-action")).toBe("update");
    expect(await w().dryRun(vs).getAttribute("data-ok")).toBe("true");
    const yaml = (await (await w().show(vs, "YAML")).textContent()) ?? "";
    expect(yaml).toMatch(/subset: v1\s+weight: 80/);
    expect(yaml).toMatch(/subset: v3\s+weight: 20/);
    const diff = await w().show(vs, "Diff");
    expect(await diff.locator('[data-line="add"]', { hasText: "weight: 80" }).count()).toBe(1);
    expect(await diff.locator('[data-line="remove"]', { hasText: "weight: 50" }).count()).toBeGreaterThan(0);
    const dr = w().change("DestinationRule", "reviews");
    await dr.waitFor();
    expect(await w().dryRun(dr).getAttribute("data-ok")).toBe("true");
    await page.screenshot({ path: "test-results/wizard-traffic-preview.png", fullPage: true });

    // Someone changes the VirtualService after the preview: the apply is refused and nothing is written.
    const cur = (await objects.get(VS, "reviews")) ?? {};
    const touched = await objects.replace(VS, { ...cur, metadata: { ...cur.metadata, annotations: { ...cur.metadata?.annotations, "e2e.meshscope.io/touched": "yes" } } });
    // Once the console sees it (its cache follows a watch), the apply must be refused.
    await until(15_000, async () => {
      const ctx = wizardContext.parse(await (await fetch(`${demo.consoleUrl}/api/wizards/context?namespace=${NS}&service=reviews`)).json());
      const vsNow = ctx.objects.find((o) => o.kind === "VirtualService" && o.name === "reviews");
      return vsNow?.resourceVersion === touched.metadata?.resourceVersion ? { ok: true } : { seen: vsNow };
    });
    await w().applyButton().click();
    await w().conflict().waitFor();
    expect(await w().conflict().textContent()).toContain("Someone else changed VirtualService/reviews since the preview");
    await w().reload().click();
    await w().conflict().waitFor({ state: "detached" });
    // The new preview is made against the touched VirtualService.
    const fresh = page.locator(`[data-testid="preview"][data-current="true"] [data-testid="change"][data-kind="VirtualService"][data-name="reviews"][data-resource-version="${touched.metadata?.resourceVersion}"]`);
    await fresh.waitFor();
    expect(await w().dryRun(fresh).getAttribute("data-ok")).toBe("true");

    await w().applyButton().click();
    await w().applied().waitFor();
    appliedAt = Date.now();
    expect(await w().applied().textContent()).toContain("VirtualService/reviews");
    const after = (await objects.get(VS, "reviews")) as IstioObject & { spec: { http: Array<{ route: Array<{ destination: { subset: string }; weight: number }> }> } };
    expect(after.spec.http.at(-1)?.route.map((r) => [r.destination.subset, r.weight])).toEqual([
      ["v1", 80],
      ["v2", 0],
      ["v3", 20],
    ]);
    expect(after.metadata?.annotations?.["e2e.meshscope.io/touched"]).toBe("yes");
  });

  it("the graph shows about 80% v1 / 20% v3 of reviews' requests within 90 s", { timeout: 180_000 }, async () => {
    expect(appliedAt).toBeGreaterThan(0);
    const { value: split } = await until<Record<string, number>>(90_000 - (Date.now() - appliedAt), async () => {
      const s = versionSplit(await graph(), NS, "reviews");
      return s && Math.abs((s.v1 ?? 0) - 80) <= 10 && Math.abs((s.v3 ?? 0) - 20) <= 10 ? { ok: s } : { seen: s };
    });
    const seconds = (Date.now() - appliedAt) / 1000;
    console.log(`reviews split in the graph API ${seconds.toFixed(0)} s after the apply: ${JSON.stringify(split)}`);
    expect(seconds).toBeLessThanOrEqual(90);

    // The graph page (its table view) shows the same split (refreshed until it does, as a user would).
    const g = graphPage(page);
    await page.goto(`${demo.consoleUrl}/graph?namespaces=${NS}&graphType=versionedApp&serviceNodes=false&window=1m`);
    await g.ready().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: /^Table view:/ }).click();
    await g.edgeRow(PRODUCTPAGE, REVIEWS("v1")).waitFor();
    const { value: shown } = await until<Record<string, number>>(30_000, async () => {
      const rates = await tableEdges(page);
      const at = (v: string) => rates[`${PRODUCTPAGE} -> ${REVIEWS(v)}`]?.rate ?? 0;
      const total = at("v1") + at("v2") + at("v3");
      const pct = { v1: (100 * at("v1")) / total, v3: (100 * at("v3")) / total };
      if (total > 0 && Math.abs(pct.v1 - 80) <= 10 && Math.abs(pct.v3 - 20) <= 10) return { ok: pct };
      await g.refresh().click();
      return { seen: rates };
    });
    console.log(`reviews split on the graph page: ${JSON.stringify(shown)}`);
    await page.screenshot({ path: "test-results/wizard-traffic-graph.png", fullPage: true });
  });

  it("applies STRICT mTLS on bookinfo through the mtls wizard, and the graph's edges into bookinfo all show mTLS", { timeout: 240_000 }, async () => {
    // Before: the legacy batch client (no sidecar) calls productpage in plaintext.
    const before = edgesInto(await graph(), NS);
    expect(before.some((e) => e.mtls !== null && e.mtls < 0.99), JSON.stringify(before)).toBe(true);

    await page.goto(`${demo.consoleUrl}/wizards/mtls?namespace=${NS}`);
    await w().mode("STRICT").check();
    await w().previewButton().click();
    await w().currentPreview().waitFor();
    const pa = w().changes().and(page.locator('[data-kind="PeerAuthentication"]')).first();
    expect(await pa.getAttribute("data-action")).toBe("create");
    expect(await w().dryRun(pa).getAttribute("data-ok")).toBe("true");
    expect(await (await w().show(pa, "YAML")).textContent()).toMatch(/mode: STRICT/);
    const pp = w().mtlsRow("productpage-v1");
    expect([await pp.getAttribute("data-before"), await pp.getAttribute("data-after")]).toEqual(["PERMISSIVE", "STRICT"]);
    // Callers without a sidecar (legacy's batch client, outside the mesh) would be refused: the wizard says so.
    expect(await w().warnings().locator('[data-code="strict-breaks-callers"]').textContent()).toMatch(/STRICT would refuse plaintext requests .*no sidecar.*productpage-v1/);
    await page.screenshot({ path: "test-results/wizard-mtls-preview.png", fullPage: true });
    await w().applyButton().click();
    await w().applied().waitFor();
    const appliedMtls = Date.now();

    const { value: edges } = await until<ReturnType<typeof edgesInto>>(150_000, async () => {
      const es = edgesInto(await graph(), NS);
      return es.length > 0 && es.every((e) => e.mtls !== null && e.mtls >= 0.99) ? { ok: es } : { seen: es.filter((e) => e.mtls === null || e.mtls < 0.99) };
    });
    console.log(`edges into bookinfo all mTLS ${((Date.now() - appliedMtls) / 1000).toFixed(0)} s after the apply: ${edges.map((e) => e.id).join(", ")}`);
    expect(edges.map((e) => e.id)).toContain(`${PRODUCTPAGE} -> ${REVIEWS("v1")}`);

    const g = graphPage(page);
    await page.goto(`${demo.consoleUrl}/graph?namespaces=${NS}&graphType=versionedApp&serviceNodes=false&window=1m`);
    await g.ready().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: /^Table view:/ }).click();
    await g.edgeRow(PRODUCTPAGE, REVIEWS("v1")).waitFor();
    const rows = Object.entries(await tableEdges(page)).filter(([id, r]) => id.includes(` -> app:${NS}:`) && r.rate > 0);
    expect(rows.length).toBeGreaterThan(0);
    for (const [id, r] of rows) expect(r.mtls, id).toBe("100%");
  });

  it("proposes a workload's callers for an allow-list (from its Actions menu) and previews the AuthorizationPolicy", async () => {
    await page.goto(`${demo.consoleUrl}/workloads/${NS}/reviews-v1`);
    await w().actions().click();
    await w().menuLink("mTLS").waitFor();
    await w().menuLink("Authorization").click();
    await page.waitForURL(/\/wizards\/authorization\?namespace=bookinfo&workload=reviews-v1$/);
    const caller = page.getByRole("checkbox", { name: /^bookinfo\/productpage-v1/ });
    expect(await caller.isChecked()).toBe(true);
    await w().previewButton().click();
    await w().currentPreview().waitFor();
    const ap = w().changes().and(page.locator('[data-kind="AuthorizationPolicy"]')).first();
    expect(await ap.getAttribute("data-action")).toBe("create");
    expect(await w().dryRun(ap).getAttribute("data-ok")).toBe("true");
    expect(await (await w().show(ap, "YAML")).textContent()).toContain("cluster.local/ns/bookinfo/sa/bookinfo-productpage");
    // Nothing ticked and nothing typed: nothing to allow, so the form says so and will not preview.
    await caller.uncheck();
    await page.getByTestId("form-errors").getByText("allow at least one principal or namespace").waitFor();
    expect(await w().previewButton().isDisabled()).toBe(true);
    expect(await w().applyButton().isDisabled()).toBe(true);
  });

  it("previews request routing, fault injection and timeouts for reviews, each accepted by the API server's dry run", async () => {
    const previewVs = async (wizard: string, fill: () => Promise<void>, yaml: RegExp) => {
      await page.goto(`${demo.consoleUrl}/wizards/${wizard}?namespace=${NS}&service=reviews`);
      await w().previewButton().waitFor();
      await fill();
      await w().previewButton().click();
      await w().currentPreview().waitFor();
      const vs = w().change("VirtualService", "reviews");
      expect(await w().dryRun(vs).getAttribute("data-ok")).toBe("true");
      expect(await (await w().show(vs, "YAML")).textContent()).toMatch(yaml);
    };
    await previewVs(
      "request-routing",
      async () => {
        await page.getByRole("button", { name: "Add rule" }).click();
        await page.getByRole("textbox", { name: "Header value (rule 1, match 1, header 1)" }).fill("jason");
        await page.getByRole("button", { name: "Promote v2 in rule 1" }).click();
      },
      /end-user:\s+exact: jason[\s\S]*subset: v2\s+weight: 100/,
    );
    await previewVs("fault-injection", async () => undefined, /fixedDelay: 5s/);
    await previewVs(
      "timeouts-retries",
      async () => {
        await page.getByRole("textbox", { name: "Request timeout" }).fill("0s");
        expect(await w().fieldError("timeout").textContent()).toBe("must be longer than 0");
        expect(await w().previewButton().isDisabled()).toBe(true);
        await page.getByRole("textbox", { name: "Request timeout" }).fill("3s");
      },
      /timeout: 3s/,
    );
  });

  it("removes the routing the wizard wrote for reviews", async () => {
    await page.goto(`${demo.consoleUrl}/wizards/remove-routing?namespace=${NS}&service=reviews`);
    await w().previewButton().click();
    await w().currentPreview().waitFor();
    const vs = w().change("VirtualService", "reviews");
    expect(await vs.getAttribute("data-action")).toBe("delete");
    expect(await w().dryRun(vs).getAttribute("data-ok")).toBe("true");
    await w().applyButton().click();
    await w().applied().waitFor();
    expect(await objects.get(VS, "reviews")).toBeUndefined();
  });

  it("puts bookinfo's Istio objects back as they were, for the other specs", async () => {
    await objects.restore(saved);
    expect(objects.shape(await objects.snapshot())).toEqual(objects.shape(saved));
  });
});
