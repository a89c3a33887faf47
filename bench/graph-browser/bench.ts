/**
 * graph-browser: the graph page's client cost in headless Chromium — layout time (the product's
 * layered layout in a Web Worker, against Cytoscape's built-in breadthfirst and grid layouts on the
 * same graphs), time to the first painted frame with the app's Cytoscape setup, and frames per second
 * while panning, for mesh-like graphs of 500, 1,000 and 5,000 nodes.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "@/e2e/browser";
import type { LayoutTiming, PaintMode, PaintResult, PanResult, PrepareResult } from "../browser/protocol";
import type { Scope } from "../lib/cleanup";
import { envNumber, progress, sleep } from "../lib/log";
import { check, fmt, newSection, type Section } from "../lib/report";
import { serveStatic } from "../lib/static-server";
import { quantile, ratio } from "../lib/stats";

const NAME = "graph-browser";
const REPO = path.resolve(__dirname, "../..");
const BROWSER_DIR = path.join(REPO, "bench/browser");
/** The product modules the page measures (written by the graph page's engineer). */
const PRODUCT_MODULES = ["lib/graph-view/layered-layout.ts", "components/graph/cy-setup.ts", "components/graph/overlay.ts"];
const SIZES = [500, 1_000, 5_000];
const VIEWPORT = { width: 1600, height: 1000 };
const PAN_MS = 3_000;

/** shared/PERF-NOTES.md, measured on a machine like this one: printed for reference, not re-measured. */
const DAGRE_NETWORK_SIMPLEX_MS: Record<number, { ms: number; text: string }> = {
  500: { ms: 3_800, text: "3.8 s" },
  1000: { ms: 150_000, text: ">150 s" },
  5000: { ms: NaN, text: "— (not measured)" },
};
const LAYOUT_TARGET_MS: Record<number, number> = { 1000: 1_000, 5000: 3_000 };
const FPS_TARGET = 30;

interface SizeResult {
  n: number;
  prepare: PrepareResult;
  layered: LayoutTiming;
  breadthfirst: LayoutTiming;
  grid: LayoutTiming;
  paints: PaintRun[];
}

interface PaintRun {
  mode: PaintMode;
  paint: PaintResult;
  pans: PanResult[];
  /** Panning by dragging the background with the mouse (Cytoscape's own gesture path). */
  drag?: PanResult;
}

/**
 * Drags the background with the mouse for PAN_MS, the whole graph in view. A user's drag takes
 * Cytoscape's gesture path, where `textureOnViewport`/`hideEdgesOnViewport`/`hideLabelsOnViewport`
 * apply; a programmatic `cy.panBy` does not. Mouse events are sent as fast as the
 * page takes them; the page counts the frames it produces meanwhile.
 */
async function drag(page: Page): Promise<PanResult> {
  await page.evaluate(() => window.meshscopeBench!.view("fit"));
  await page.evaluate(() => window.meshscopeBench!.counterStart("mouse drag, whole graph (fit)"));
  // The fitted graph leaves its 20 px padding empty: pressing there grabs the background, not a node.
  let x = 6;
  let y = 6;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < PAN_MS; i++) {
    const dir = Math.floor(i / 30) % 2 === 0 ? 1 : -1;
    x += 6 * dir;
    y += 3 * dir;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
  return page.evaluate(() => window.meshscopeBench!.counterStop());
}

async function waitForModules(): Promise<void> {
  const deadline = Date.now() + envNumber("BENCH_WAIT_FOR_MODULES_S", 0) * 1000;
  for (;;) {
    const missing = PRODUCT_MODULES.filter((m) => !existsSync(path.join(REPO, m)));
    if (missing.length === 0) return;
    if (Date.now() >= deadline) throw new Error(`the graph page's modules are missing: ${missing.join(", ")}`);
    progress(NAME, `waiting for ${missing.join(", ")}`);
    await sleep(60_000);
  }
}

async function buildPage(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: BROWSER_DIR,
    base: "./",
    logLevel: "warn",
    mode: "production",
    resolve: { alias: { "@": REPO } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: "es2022",
      reportCompressedSize: false,
      chunkSizeWarningLimit: 5_000,
      rollupOptions: {
        // zod's sources carry `@__PURE__` comments Rollup cannot place; harmless, and noise in the report.
        onwarn: (w, warn) => (w.code === "INVALID_ANNOTATION" ? undefined : warn(w)),
      },
    },
    worker: { format: "es" },
  });
}

const median = (xs: readonly number[]) => quantile(xs, 0.5);
const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "—" : v >= 10_000 ? `${fmt(v / 1000, 1)} s` : `${fmt(v, 0)} ms`);

function layoutCell(t: LayoutTiming, which: "cold" | "warm"): string {
  if (t.error) return `error: ${t.error}`;
  if (t.runs.length === 0 && t.timedOut) return `>${fmt((t.timeoutMs ?? 0) / 1000, 0)} s`;
  if (which === "cold") return ms(t.runs[0]);
  const warm = t.runs.slice(1);
  return warm.length > 0 ? ms(median(warm)) : "—";
}

/** The layout figure compared with targets: the median of every run (the first one is cold). */
function layoutFigure(t: LayoutTiming): number {
  if (t.runs.length === 0) return t.timedOut ? Infinity : NaN;
  return median(t.runs);
}

export async function runGraphBrowser(scope: Scope): Promise<Section> {
  const section = newSection(NAME, "graph-browser: layout, first frame and panning in headless Chromium", [
    "Synthetic mesh graphs (5 tiers, ~1.8 edges/node, namespaces of ~20 nodes) through the graph page's own code: buildGraphModel →",
    "layoutInput → layeredLayout (in a Web Worker, as the page runs it) → createCy + GraphOverlay, drawn as the page draws them",
    "(drawingPlan: namespaces as compound nodes up to 1,000 nodes, as boxes on the underlay canvas above; labels and arrows by level of detail).",
    "layout: median of 3 runs in a fresh worker (cold = the first run, warm = the median of the other two); baselines: Cytoscape's built-in",
    "breadthfirst and grid layouts on the same graph in the same kind of worker (layout.run() only, element creation excluded).",
    "first frame: from calling createCy (positions known) to the first animation frame after Cytoscape's first draw.",
    `pan: cy.panBy every requestAnimationFrame for ${PAN_MS / 1000} s, starting 10 frames after the first frame; fps = frames the page produced per second;`,
    "draws/s = Cytoscape redraws; drag: the background dragged with the mouse for as long (Cytoscape's gesture path, where the",
    "viewport hints apply: hideLabelsOnViewport for graphs labelled by level of detail).",
    "Baseline for drawing: plain cytoscape() on the same elements and positions with Cytoscape's default stylesheet (canvas), no overlay.",
    "Each drawing setup runs in a fresh page. app (auto) = createCy's own renderer choice; when WebGL 2 exists the other renderer",
    "is also measured (canvas if the app chose WebGL; WebGL at 5,000 nodes if it kept canvas).",
  ]);
  await waitForModules();

  const outDir = mkdtempSync(path.join(os.tmpdir(), "meshscope-bench-page-"));
  scope.defer("page build dir", () => rmSync(outDir, { recursive: true, force: true }));
  progress(NAME, `bundling bench/browser with vite into ${outDir}`);
  const buildStarted = performance.now();
  await buildPage(outDir);
  progress(NAME, `bundled in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
  const server = await serveStatic(outDir);
  scope.defer("static server", () => server.close());

  const browser = await launchBrowser();
  scope.defer("chromium", () => browser.close());
  const browserVersion = browser.version();
  const pageErrors: string[] = [];
  const openPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") pageErrors.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.meshscopeBench !== undefined, undefined, { timeout: 30_000 });
    return page;
  };
  /** Closes a page even when its renderer is busy (the browser kills the renderer process). */
  const closePage = (page: Page) => Promise.race([page.close({ runBeforeUnload: false }).catch(() => undefined), sleep(15_000)]);

  const first = await openPage();
  const info = await first.evaluate(() => window.meshscopeBench!.info());
  progress(NAME, `Chromium ${browserVersion}, WebGL 2: ${info.webgl2}, viewport ${info.viewport.join("×")}`);
  const idle = await first.evaluate((d) => window.meshscopeBench!.idleFps(d), PAN_MS);
  await closePage(first);

  const paintTimeoutMs = envNumber("BENCH_FIRST_FRAME_TIMEOUT_S", 90) * 1000;
  const results: SizeResult[] = [];
  for (const n of SIZES) {
    // Layouts, in a page of their own.
    const lp = await openPage();
    const prepare = await lp.evaluate((x) => window.meshscopeBench!.prepare(x), n);
    progress(NAME, `${n} nodes, ${prepare.edges} edges, ${prepare.namespaces} namespaces: layouts`);
    const bfTimeout = envNumber("BENCH_BASELINE_TIMEOUT_S", 60) * 1000;
    const breadthfirst = await lp.evaluate(([t]) => window.meshscopeBench!.layout("breadthfirst", 1, t!), [bfTimeout]);
    const grid = await lp.evaluate(() => window.meshscopeBench!.layout("grid", 3, 60_000));
    const layered = await lp.evaluate(() => window.meshscopeBench!.layout("layered", 3, 120_000));
    await closePage(lp);
    const r: SizeResult = { n, prepare, layered, breadthfirst, grid, paints: [] };
    results.push(r);
    progress(NAME, `  layered ${layered.runs.map((x) => x.toFixed(0)).join("/")} ms, breadthfirst ${layoutCell(breadthfirst, "cold")}, grid ${layoutCell(grid, "warm")}`);
    if (layered.runs.length === 0) continue;

    // Drawing: each renderer choice in a fresh page, so that no instance's garbage weighs on another.
    const modes: PaintMode[] = ["auto", "baseline"];
    for (let i = 0; i < modes.length; i++) {
      const mode = modes[i]!;
      const page = await openPage();
      try {
        await page.evaluate((x) => window.meshscopeBench!.prepare(x), n);
        await page.evaluate(() => window.meshscopeBench!.layout("layered", 1, 120_000));
        const paint = await Promise.race([page.evaluate(([m, t]) => window.meshscopeBench!.paint(m as PaintMode, t as number), [mode, paintTimeoutMs]), sleep(paintTimeoutMs + 5_000).then(() => null)]);
        const run: PaintRun = { mode, paint: paint ?? { mode, renderer: "?", createMs: NaN, firstFrameMs: paintTimeoutMs, zoom: NaN, timedOut: true }, pans: [] };
        r.paints.push(run);
        progress(NAME, `  ${mode}: ${run.paint.timedOut ? `no frame within ${paintTimeoutMs / 1000} s` : `first frame ${run.paint.firstFrameMs.toFixed(0)} ms`} (${run.paint.renderer}); panning`);
        // The other renderer, for comparison: canvas when the app chose WebGL; WebGL at the largest size
        // when the app kept canvas although the browser has WebGL 2 (a software rasterizer).
        if (mode === "auto" && run.paint.renderer === "webgl" && !modes.includes("canvas")) modes.splice(i + 1, 0, "canvas");
        if (mode === "auto" && run.paint.renderer === "canvas" && info.webgl2 && n === SIZES[SIZES.length - 1]) modes.splice(i + 1, 0, "webgl");
        if (!paint || paint.timedOut) continue;
        run.pans.push(await page.evaluate((d) => window.meshscopeBench!.pan("cy.panBy, whole graph (fit)", "fit", d), PAN_MS));
        run.drag = await drag(page);
        if (mode !== "baseline") run.pans.push(await page.evaluate((d) => window.meshscopeBench!.pan("cy.panBy, zoom 1 (labels on)", 1, d), PAN_MS));
      } finally {
        await closePage(page);
      }
    }
  }

  // The report.
  section.tables.push({
    title: `Layout (Chromium ${browserVersion}, ${os.cpus().length} cores)`,
    columns: ["nodes", "edges", "layered cold", "layered warm", "breadthfirst", "grid", "layered/breadthfirst", "layered/grid", "dagre network-simplex*", "dagre*/layered"],
    rows: results.map((r) => {
      const layered = layoutFigure(r.layered);
      const bf = layoutFigure(r.breadthfirst);
      const dagre = DAGRE_NETWORK_SIMPLEX_MS[r.n];
      return [
        r.n,
        r.prepare.edges,
        layoutCell(r.layered, "cold"),
        layoutCell(r.layered, "warm"),
        layoutCell(r.breadthfirst, "cold"),
        layoutCell(r.grid, "warm"),
        Number.isFinite(bf) ? `${ratio(layered, bf).toFixed(2)}×` : bf === Infinity ? `<${ratio(layered, r.breadthfirst.timeoutMs ?? NaN).toFixed(3)}×` : "—",
        Number.isFinite(layoutFigure(r.grid)) ? `${ratio(layered, layoutFigure(r.grid)).toFixed(2)}×` : "—",
        dagre?.text ?? "—",
        dagre && Number.isFinite(dagre.ms) ? `${r.n >= 1000 ? ">" : ""}${fmt(ratio(dagre.ms, layered), 0)}×` : "—",
      ];
    }),
  });
  const paintRows = results.flatMap((r) =>
    r.paints.map((p) => {
      const fit = p.pans[0];
      const z1 = p.pans[1];
      const base = r.paints.find((x) => x.mode === "baseline");
      const vsBase = p.mode !== "baseline" && base && !base.paint.timedOut ? ratio(p.paint.firstFrameMs, base.paint.firstFrameMs) : NaN;
      return [
        r.n,
        p.mode === "baseline" ? "cytoscape defaults" : `app (${p.mode})`,
        p.paint.renderer,
        ms(r.prepare.modelMs),
        ms(p.paint.createMs),
        p.paint.timedOut ? `>${ms(p.paint.firstFrameMs)}` : ms(p.paint.firstFrameMs),
        Number.isFinite(vsBase) ? `${vsBase.toFixed(1)}×` : "—",
        fit?.fps,
        fit?.rendersPerSecond,
        ms(fit?.p95FrameMs),
        p.drag?.fps,
        z1?.fps,
        ms(z1?.p95FrameMs),
        fit ? `${ratio(fit.fps, idle.fps).toFixed(2)}×` : "—",
      ];
    }),
  );
  section.tables.push({
    title: "First painted frame and panning (model = buildGraphModel, before layout)",
    columns: ["nodes", "setup", "renderer", "model", "createCy", "first frame", "vs defaults", "panBy fps (fit)", "draws/s", "p95 frame", "drag fps (fit)", "panBy fps (zoom 1)", "p95 frame", "fps/idle"],
    rows: paintRows,
  });
  section.notes.push(
    `Idle page baseline: ${fmt(idle.fps, 1)} animation frames/s with nothing drawn (the ceiling for the pan figures).`,
    "* dagre network-simplex (Kiali's layout today): reference figures from shared/PERF-NOTES.md, not measured in this run.",
    `Browser: WebGL 2 ${info.webgl2 ? `available (${info.glRenderer ?? "renderer unknown"})` : "unavailable"}; launchBrowser() runs headless with --disable-gpu, so canvas is rasterized in software; viewport ${info.viewport.join("×")}, devicePixelRatio ${info.devicePixelRatio}.`,
  );
  if (pageErrors.length > 0) section.notes.push(`page console: ${[...new Set(pageErrors)].slice(0, 5).join(" | ")}`);

  for (const r of results) {
    const target = LAYOUT_TARGET_MS[r.n];
    if (target !== undefined) section.checks.push(check(`layered layout at ${r.n.toLocaleString("en-US")} nodes (median of 3)`, layoutFigure(r.layered), "ms", { kind: "max", limit: target }));
  }
  const big = results.find((r) => r.n === 5_000);
  const bigAuto = big?.paints.find((p) => p.mode === "auto");
  section.checks.push(
    check(`pan fps at 5,000 nodes, whole graph in view (app's renderer choice: ${bigAuto?.paint.renderer ?? "?"})`, bigAuto?.pans[0]?.fps ?? null, "fps", { kind: "min", limit: FPS_TARGET }),
  );
  section.checks.push(
    check(`mouse-drag pan fps at 5,000 nodes, whole graph in view (${bigAuto?.paint.renderer ?? "?"})`, bigAuto?.drag?.fps ?? null, "fps", { kind: "min", limit: FPS_TARGET }),
  );
  for (const other of big?.paints.filter((p) => p.mode === "canvas" || p.mode === "webgl") ?? []) {
    section.checks.push(check(`pan fps at 5,000 nodes, whole graph in view (forced ${other.mode})`, other.pans[0]?.fps ?? null, "fps", { kind: "min", limit: FPS_TARGET }));
  }
  section.data = { chromium: browserVersion, info, idle, sizes: results, pageErrors };
  return section;
}
