/**
 * bundle: the graph page's first-load JavaScript (gzip -9), against the home page `/` of the same build.
 *
 * Builds the app with `NEXT_DIST_DIR=.next-bench npx next build` (its own directory, so no other build
 * is disturbed), then reads what Next.js 16 writes: `build-manifest.json` (`rootMainFiles`: runtime,
 * framework and app-router chunks every page loads; `polyfillFiles` are loaded by legacy browsers only
 * and left out, as Next.js's own "First Load JS" did) and each route's client reference manifest
 * (`server/app/<route>/page_client-reference-manifest.js`, `entryJSFiles`: the client chunks of each
 * segment file: layouts, pages, error/loading/not-found boundaries, the global error boundary). The
 * first load is the union of the root chunks and the chunks of the route's segments. Chunks loaded
 * later with `import()` (Cytoscape) are not part of it. As a cross-check, `next start` serves the build
 * on loopback and the `<script src>` chunks of each page's HTML are summed the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { pickFreePort } from "@/demo/prometheus/ports";
import type { Scope } from "../lib/cleanup";
import { progress, sleep } from "../lib/log";
import { check, fmt, newSection, type Section } from "../lib/report";
import { ratio } from "../lib/stats";

const NAME = "bundle";
const REPO = path.resolve(__dirname, "../..");
const DIST = ".next-bench";
const TARGET_KB = 250;
const ROUTES = ["/graph", "/"] as const;
/** Strings that survive minification and tell which library a chunk holds (for the report only). */
const MARKERS: Record<string, string> = {
  cytoscape: "webglTexRowsNodes",
  "react-dom": "react-dom",
  "next router": "next-router-state-tree",
  zod: "ZodError",
  "@tanstack/react-query": "refetchOnWindowFocus",
  "lib/graph schema": "outsideNamespaces",
};

interface ChunkInfo {
  file: string;
  raw: number;
  gzip: number;
  contains: string[];
}

interface RouteBundle {
  route: string;
  chunks: ChunkInfo[];
  raw: number;
  gzip: number;
  segments: string[];
  html?: { status: number; chunks: string[]; gzip: number; missingFromManifest: string[] };
}

const kB = (bytes: number) => bytes / 1000;

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Runs a command to completion, output to `logFile`; killed (process group) if the scope closes first. */
function runLogged(scope: Scope, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const fd = openSync(logFile, "w");
  let child: ChildProcess;
  try {
    child = spawn(cmd, args, { cwd: REPO, env, stdio: ["ignore", fd, fd], detached: true });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.once("error", () => resolve(127));
  });
  const cancel = scope.defer(`${cmd} ${args.join(" ")}`, async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
    }
  });
  return exited.finally(() => void cancel());
}

function readClientManifest(dist: string, route: string): { key: string; entryJSFiles: Record<string, string[]> } {
  const dir = route === "/" ? "" : route.slice(1);
  const file = path.join(dist, "server/app", dir, "page_client-reference-manifest.js");
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const key = `${route === "/" ? "" : route}/page`;
  const m = sandbox.__RSC_MANIFEST?.[key];
  if (!m?.entryJSFiles) throw new Error(`${file}: no entryJSFiles for ${key}`);
  return { key, entryJSFiles: m.entryJSFiles };
}

/** The segment files on a route's path: `[project]/app/<dir>/<layout|page|error|loading|not-found|template>`. */
function segmentKeys(route: string, keys: string[]): string[] {
  const dirs = ["app"];
  for (const part of route.split("/").filter(Boolean)) dirs.push(`${dirs[dirs.length - 1]}/${part}`);
  const files = ["layout", "template", "error", "loading", "not-found"];
  const wanted = new Set<string>();
  for (const d of dirs) for (const f of files) wanted.add(`[project]/${d}/${f}`);
  wanted.add(`[project]/${dirs[dirs.length - 1]}/page`);
  return keys.filter((k) => wanted.has(k) || k.endsWith("/global-error"));
}

function chunkInfo(dist: string, file: string): ChunkInfo {
  const buf = readFileSync(path.join(dist, file));
  const contains = Object.entries(MARKERS)
    .filter(([, marker]) => buf.includes(marker))
    .map(([name]) => name);
  return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, contains };
}

async function htmlChunks(url: string): Promise<{ status: number; chunks: string[] }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const html = await res.text();
  const chunks = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) {
    const tag = m[0];
    if (/\bnoModule\b|\bnomodule\b/.test(tag)) continue;
    const src = m[1]!.replace(/^.*?\/_next\//, "");
    chunks.add(src.split("?")[0]!);
  }
  return { status: res.status, chunks: [...chunks] };
}

export async function runBundle(scope: Scope): Promise<Section> {
  const section = newSection(NAME, "bundle: first-load JavaScript of /graph vs. / (gzip -9, kB = 1,000 bytes)", [
    `Built with NEXT_DIST_DIR=${DIST} npx next build; first load = build-manifest rootMainFiles ∪ the client chunks (entryJSFiles of`,
    "the route's client reference manifest) of every segment file on the route's path (layouts, page, error/loading/not-found,",
    "global error); polyfills (legacy browsers only) and chunks loaded later with import() are left out. Each file gzip -9.",
  ]);
  const dist = path.join(REPO, DIST);
  const buildLog = path.join(os.tmpdir(), `meshscope-bench-next-build-${process.pid}.log`);
  progress(NAME, `next build → ${DIST} (log: ${buildLog})`);
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };
  const code = await runLogged(scope, "npx", ["next", "build"], env, buildLog);
  const buildS = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`next build failed (exit ${code}) after ${buildS.toFixed(0)} s (log kept: ${buildLog}):\n${tail(buildLog)}`);
  rmSync(buildLog, { force: true });
  progress(NAME, `built in ${buildS.toFixed(0)} s`);

  const buildManifest = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  const root = buildManifest.rootMainFiles ?? [];
  const routes: RouteBundle[] = [];
  for (const route of ROUTES) {
    const { entryJSFiles } = readClientManifest(dist, route);
    const segments = segmentKeys(route, Object.keys(entryJSFiles));
    const files = new Set<string>(root);
    for (const k of segments) for (const f of entryJSFiles[k] ?? []) files.add(f.replace(/^\/?_next\//, ""));
    const chunks = [...files].map((f) => chunkInfo(dist, f)).sort((a, b) => b.gzip - a.gzip);
    routes.push({ route, chunks, segments, raw: chunks.reduce((s, c) => s + c.raw, 0), gzip: chunks.reduce((s, c) => s + c.gzip, 0) });
  }

  // Cross-check: the chunks each page's HTML actually asks for.
  try {
    const port = await pickFreePort();
    const startLog = path.join(os.tmpdir(), `meshscope-bench-next-start-${process.pid}.log`);
    const fd = openSync(startLog, "w");
    const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: REPO, env, stdio: ["ignore", fd, fd], detached: true });
    closeSync(fd);
    const stopped = new Promise<void>((r) => server.once("exit", () => r()));
    const stop = scope.defer("next start", async () => {
      if (server.exitCode === null && server.pid) {
        process.kill(-server.pid, "SIGTERM");
        await Promise.race([stopped, sleep(5_000)]);
        if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGKILL");
      }
    });
    const deadline = Date.now() + 60_000;
    let up = false;
    while (!up && Date.now() < deadline) {
      up = await fetch(`http://127.0.0.1:${port}/api/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.status < 500 || r.status === 503,
        () => false,
      );
      if (!up) await sleep(500);
    }
    if (!up) throw new Error(`next start did not answer within 60 s:\n${tail(startLog, 10)}`);
    for (const r of routes) {
      const h = await htmlChunks(`http://127.0.0.1:${port}${r.route}`);
      const known = new Set(r.chunks.map((c) => c.file));
      const infos = h.chunks.filter((f) => existsSync(path.join(dist, f))).map((f) => chunkInfo(dist, f));
      r.html = { status: h.status, chunks: h.chunks, gzip: infos.reduce((s, c) => s + c.gzip, 0), missingFromManifest: h.chunks.filter((f) => !known.has(f)) };
    }
    await stop();
    rmSync(startLog, { force: true });
  } catch (err) {
    section.notes.push(`HTML cross-check skipped: ${err instanceof Error ? err.message : String(err)}`);
  }

  const graph = routes.find((r) => r.route === "/graph")!;
  const home = routes.find((r) => r.route === "/")!;
  const homeFiles = new Set(home.chunks.map((c) => c.file));
  section.tables.push({
    title: `First-load JS (next build: ${buildS.toFixed(0)} s)`,
    columns: ["route", "chunks", "raw", "gzip", "HTML <script> gzip", "Cytoscape in first load", "vs /"],
    rows: routes.map((r) => [
      r.route,
      r.chunks.length,
      `${fmt(kB(r.raw), 1)} kB`,
      `${fmt(kB(r.gzip), 1)} kB`,
      r.html ? `${fmt(kB(r.html.gzip), 1)} kB (HTTP ${r.html.status}${r.html.missingFromManifest.length ? `, ${r.html.missingFromManifest.length} not in manifest` : ""})` : "—",
      r.chunks.some((c) => c.contains.includes("cytoscape")) ? "YES" : "no",
      `${ratio(r.gzip, home.gzip).toFixed(2)}×`,
    ]),
  });
  section.tables.push({
    title: "First-load chunks of /graph, largest first",
    columns: ["chunk", "raw", "gzip", "also on /", "holds (by marker strings)"],
    rows: graph.chunks.map((c) => [c.file, `${fmt(kB(c.raw), 1)} kB`, `${fmt(kB(c.gzip), 1)} kB`, homeFiles.has(c.file) ? "yes" : "no", c.contains.join(", ")]),
  });
  section.notes.push(`/graph segments counted: ${graph.segments.join(", ")}`);
  section.checks.push(check("/graph first-load JS (gzip)", kB(graph.gzip), "kB", { kind: "max", limit: TARGET_KB }));
  section.data = { buildSeconds: buildS, distDir: DIST, rootMainFiles: root, routes };
  return section;
}
