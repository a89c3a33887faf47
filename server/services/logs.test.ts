import { describe, expect, it } from "vitest";
import { logsQuery } from "@/lib/inventory/logs";
import { followLogs, readLogs } from "./logs";

const q = (extra: Record<string, string> = {}) => logsQuery.parse({ namespace: "bookinfo", pod: "p", container: "c", ...extra });

async function* chunks(...parts: string[]): AsyncIterable<string> {
  for (const p of parts) yield p;
}

describe("readLogs", () => {
  it("splits the text into lines and filters them, counting all", async () => {
    const kube = { podLogs: async () => "GET /a 200\nGET /b 503\nPOST /c 200" } as never;
    expect(await readLogs(q({ filter: "200" }), kube)).toEqual({ namespace: "bookinfo", pod: "p", container: "c", lines: ["GET /a 200", "POST /c 200"], total: 3 });
  });
});

describe("followLogs", () => {
  it("streams lines joined across chunks, filtered, then says the end", async () => {
    let opts: Record<string, unknown> = {};
    const kube = {
      podLogs: async (_ns: string, _pod: string, o: Record<string, unknown>) => {
        opts = o;
        return chunks("error one\nok t", "wo\nerror th", "ree\n");
      },
    } as never;
    const body = await followLogs(q({ follow: "true", filter: "error", tailLines: "10" }), kube, new AbortController().signal);
    const text = await new Response(body).text();
    expect(opts).toMatchObject({ follow: true, container: "c", tailLines: 10 });
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => [m[1], JSON.parse(m[2] ?? "null")]);
    expect(events[0]?.[0]).toBe("open");
    expect(events.filter(([e]) => e === "lines").flatMap(([, d]) => d as string[])).toEqual(["error one", "error three"]);
    expect(events.at(-1)?.[0]).toBe("end");
  });
});
