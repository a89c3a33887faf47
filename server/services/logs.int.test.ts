import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { logsResponse } from "@/lib/inventory/logs";
import { workloadDetail } from "@/lib/inventory/schemas";
import { eventually } from "@/test/demo-env";
import { GET as getLogs } from "@/app/api/logs/route";
import { GET as getWorkload } from "@/app/api/workloads/[ns]/[name]/route";

const req = (path: string, init?: { signal?: AbortSignal }) => new NextRequest(`http://localhost${path}`, init);

async function productpagePod(): Promise<string> {
  const res = await getWorkload(req("/api/workloads/bookinfo/productpage-v1"), { params: Promise.resolve({ ns: "bookinfo", name: "productpage-v1" }) });
  const d = workloadDetail.parse(await res.json());
  const pod = d.pods[0]?.name;
  if (!pod) throw new Error("productpage has no pod");
  return pod;
}

describe("GET /api/logs on the demo mesh", () => {
  it("returns the last lines of the application container and, apart, of its proxy", async () => {
    const pod = await productpagePod();
    const app = await eventually(async () => {
      const res = await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=productpage&tailLines=20`), undefined);
      expect(res.status).toBe(200);
      const body = logsResponse.parse(await res.json());
      return body.lines.length > 0 ? body : undefined;
    });
    expect(app.lines.length).toBeLessThanOrEqual(20);
    const proxy = await eventually(async () => {
      const res = await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=istio-proxy&tailLines=50`), undefined);
      const body = logsResponse.parse(await res.json());
      return body.lines.length > 0 ? body : undefined;
    });
    expect(proxy.container).toBe("istio-proxy");
    expect(proxy.lines.join("\n")).not.toEqual(app.lines.join("\n"));
  });

  it("filters lines by text", async () => {
    const pod = await productpagePod();
    const all = logsResponse.parse(await (await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=istio-proxy&tailLines=200`), undefined)).json());
    const word = all.lines.map((l) => /\bGET\b|\bPOST\b|info|warn/i.exec(l)?.[0]).find(Boolean) ?? "";
    expect(word).not.toBe("");
    const filtered = logsResponse.parse(await (await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=istio-proxy&tailLines=200&filter=${word}`), undefined)).json());
    expect(filtered.lines.length).toBeGreaterThan(0);
    for (const l of filtered.lines) expect(l.toLowerCase()).toContain(word.toLowerCase());
  });

  it("answers the Kubernetes API's 400 for an unknown container, and 422 for bad parameters", async () => {
    const pod = await productpagePod();
    const unknown = await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=nope`), undefined);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/container nope is not valid/);
    const bad = await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=productpage&tailLines=0`), undefined);
    expect(bad.status).toBe(422);
  });

  it("follows new lines as server-sent events", async () => {
    const pod = await productpagePod();
    const ac = new AbortController();
    const res = await getLogs(req(`/api/logs?namespace=bookinfo&pod=${pod}&container=istio-proxy&tailLines=5&follow=true`, { signal: ac.signal }), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 15_000;
    let batches = 0;
    while (Date.now() < deadline && batches < 2) {
      const r = await reader.read();
      if (r.done) break;
      text += decoder.decode(r.value, { stream: true });
      batches = text.split("event: lines").length - 1;
    }
    ac.abort();
    await reader.cancel().catch(() => undefined);
    expect(text).toMatch(/^event: open/);
    // The tail first, then lines written since: the stream goes on.
    expect(batches).toBeGreaterThanOrEqual(2);
    const first = /event: lines\ndata: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(first ?? "[]").length).toBeGreaterThan(0);
  });
});
