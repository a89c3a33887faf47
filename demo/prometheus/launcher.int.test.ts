import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PrometheusNotInstalledError, PrometheusStartError, startPrometheus, type RunningPrometheus } from "./launcher";
import { isPortFree } from "./ports";

const vector = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("vector"),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })),
  }),
});

let metrics: Server;
let metricsUrl: string;
let scrapes = 0;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "meshscope-prom-"));
  dirs.push(dir);
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query(prom: RunningPrometheus, promql: string): Promise<z.infer<typeof vector>["data"]["result"]> {
  const res = await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
  return vector.parse(await res.json()).data.result;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  metrics = createServer((req, res) => {
    if (req.url !== "/stats/prometheus") return void res.writeHead(404).end();
    scrapes++;
    res.writeHead(200, { "Content-Type": "text/plain; version=0.0.4" });
    res.end('# HELP demo_requests_total Requests served.\n# TYPE demo_requests_total counter\ndemo_requests_total{path="/productpage"} 42\n');
  });
  await new Promise<void>((r) => metrics.listen(0, "127.0.0.1", r));
  const address = metrics.address();
  metricsUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/stats/prometheus`;
});

afterAll(async () => {
  await new Promise<void>((r) => metrics.close(() => r()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("startPrometheus", () => {
  it("scrapes a target, answers queries, stops cleanly and restarts on the same port", async () => {
    const dataDir = tempDir();
    const prom = await startPrometheus({ targets: [{ job: "demo", url: metricsUrl }], scrapeIntervalSeconds: 1, dataDir });
    try {
      expect(prom.url).toBe(`http://127.0.0.1:${prom.port}`);
      expect(isAlive(prom.pid)).toBe(true);
      const up = await eventually("up{job=demo} = 1", async () => {
        const result = await query(prom, 'up{job="demo"}');
        return result.find((s) => s.value[1] === "1");
      });
      expect(up.metric.instance).toBe(new URL(metricsUrl).host);
      const counter = await eventually("the counter", async () => (await query(prom, "demo_requests_total"))[0]);
      expect(counter.metric).toMatchObject({ __name__: "demo_requests_total", job: "demo", path: "/productpage" });
      expect(counter.value[1]).toBe("42");
      expect(scrapes).toBeGreaterThan(0);

      const flags = z.object({ data: z.record(z.string(), z.string()) }).parse(await (await fetch(`${prom.url}/api/v1/status/flags`)).json());
      expect(flags.data).toMatchObject({ "web.enable-admin-api": "true", "web.enable-lifecycle": "true" });
      expect(readFileSync(path.join(dataDir, "prometheus.yml"), "utf8")).toContain("metrics_path: /stats/prometheus");
      expect(readFileSync(path.join(dataDir, "prometheus.log"), "utf8")).toContain("Server is ready to receive web requests.");
    } finally {
      await prom.stop();
    }
    expect(isAlive(prom.pid)).toBe(false);
    expect(await isPortFree(prom.port)).toBe(true);
    await prom.stop(); // idempotent

    const again = await startPrometheus({ targets: [{ job: "demo", url: metricsUrl }], scrapeIntervalSeconds: 1, dataDir, port: prom.port });
    try {
      expect(again.port).toBe(prom.port);
      expect(again.pid).not.toBe(prom.pid);
    } finally {
      await again.stop();
    }
    expect(await isPortFree(again.port)).toBe(true);
  });

  it("rejects with PrometheusNotInstalledError when the binary is missing", async () => {
    const attempt = startPrometheus({ targets: [], dataDir: tempDir(), binary: "/nonexistent/prometheus" });
    await expect(attempt).rejects.toBeInstanceOf(PrometheusNotInstalledError);
    await expect(attempt).rejects.toThrow("sudo apt-get install prometheus");
  });

  it("rejects with the log tail when Prometheus exits during startup", async () => {
    const attempt = startPrometheus({ targets: [], dataDir: tempDir(), retention: "bogus" });
    await expect(attempt).rejects.toBeInstanceOf(PrometheusStartError);
    await expect(attempt).rejects.toThrow(/exited during startup[\s\S]*not a valid duration string: "bogus"/);
  });

  it("does not outlive a parent that is killed with SIGKILL", async () => {
    const dir = tempDir();
    const script = path.join(dir, "parent.mts");
    writeFileSync(
      script,
      `import { startPrometheus } from ${JSON.stringify(path.resolve(__dirname, "launcher.ts"))};\n` +
        `const prom = await startPrometheus({ targets: [], dataDir: ${JSON.stringify(path.join(dir, "prom"))} });\n` +
        "console.log(JSON.stringify({ pid: prom.pid, port: prom.port }));\n" +
        "setInterval(() => undefined, 1000);\n",
    );
    // Plain node with tsx's loader, so the process we kill is Prometheus's parent itself.
    const repoRoot = path.resolve(__dirname, "../..");
    const parent = spawn(process.execPath, ["--import", "tsx", script], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
    const started = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
      let out = "";
      parent.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve(z.object({ pid: z.number(), port: z.number() }).parse(JSON.parse(line)));
      });
      parent.once("exit", (code) => reject(new Error(`parent exited early (${code})`)));
    });
    try {
      expect(isAlive(started.pid)).toBe(true);
      parent.kill("SIGKILL");
      await eventually("Prometheus to exit after its parent died", async () => (isAlive(started.pid) ? undefined : true), 15_000);
      await eventually("its port to be free", async () => ((await isPortFree(started.port)) ? true : undefined), 10_000);
    } finally {
      if (isAlive(started.pid)) process.kill(started.pid, "SIGKILL");
    }
  });
});
