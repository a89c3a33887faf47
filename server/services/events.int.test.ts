import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, inject, it } from "vitest";
import { changeBatch, type ChangeBatch } from "@/lib/inventory/events";
import { GET } from "@/app/api/events/route";

const demo = inject("demo");
const kc = new KubeConfig();
kc.loadFromFile(demo.kubeconfigPath);
const core = kc.makeApiClient(CoreV1Api);
const apps = kc.makeApiClient(AppsV1Api);
const ns = `it-events-${Date.now().toString(36)}`;

/** Reads server-sent events until `want` accepts one or the time is up. */
async function readUntil(body: ReadableStream<Uint8Array>, want: (event: string, data: unknown) => boolean, timeoutMs: number): Promise<Array<{ event: string; data: unknown }>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const seen: Array<{ event: string; data: unknown }> = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        const parsed: unknown = JSON.parse(data);
        seen.push({ event, data: parsed });
        if (want(event, parsed)) return seen;
      }
    }
    return seen;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
});

describe("GET /api/events", () => {
  it("refuses a malformed namespace with 422", async () => {
    const res = await GET(new NextRequest("http://localhost/api/events?namespaces=Not_OK"), undefined);
    expect(res.status).toBe(422);
  });

  it("emits a change event within seconds of a workload being created in a watched namespace", async () => {
    await core.createNamespace({ body: { metadata: { name: ns } } });
    const ac = new AbortController();
    const res = await GET(new NextRequest(`http://localhost/api/events?namespaces=${ns}`, { signal: ac.signal }), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const body = res.body;
    if (!body) throw new Error("no body");
    const started = Date.now();
    const events = readUntil(body, (e, d) => e === "change" && changeBatch.parse(d).kinds.includes("pods"), 20_000);
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: "ev-v1" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "ev" } },
          template: { metadata: { labels: { app: "ev" } }, spec: { containers: [{ name: "ev", image: "nginx" }] } },
        },
      },
    });
    const seen = await events;
    ac.abort();
    expect(seen[0]?.event).toBe("ready");
    const changes = seen.filter((s) => s.event === "change").map((s) => changeBatch.parse(s.data) as ChangeBatch);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.flatMap((c) => c.kinds)).toEqual(expect.arrayContaining(["deployments", "pods"]));
    expect(changes.flatMap((c) => c.namespaces)).toEqual([...new Set(changes.flatMap((c) => c.namespaces))].filter((n) => n === ns));
    expect(changes.flatMap((c) => c.changes).some((c) => c.kind === "deployments" && c.name === "ev-v1")).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
