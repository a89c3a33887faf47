import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { UpstreamUnavailableError } from "./errors";
import { fetchUpstreamJson } from "./upstream-fetch";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ok") return res.end(JSON.stringify({ value: 3 }));
    if (req.url === "/shape") return res.end(JSON.stringify({ value: "three" }));
    if (req.url === "/html") return res.end("<html>proxy error</html>");
    if (req.url === "/error") {
      res.statusCode = 400;
      return res.end(JSON.stringify({ status: "error", errorType: "bad_data", error: "parse error at char 5" }));
    }
    if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 2_000);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const schema = z.object({ value: z.number() });
const opts = { upstream: "prometheus" as const, operation: "test", timeoutMs: 500 };

async function failure(path: string, onErrorBody?: (s: number, b: unknown) => string | undefined) {
  const err = await fetchUpstreamJson(`${base}${path}`, schema, opts, onErrorBody).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UpstreamUnavailableError);
  return err as UpstreamUnavailableError;
}

describe("fetchUpstreamJson", () => {
  it("parses a good answer", async () => {
    expect(await fetchUpstreamJson(`${base}/ok`, schema, opts)).toEqual({ value: 3 });
  });

  it("names the upstream and URL when the shape is unexpected", async () => {
    const err = await failure("/shape");
    expect(err.upstream).toBe("prometheus");
    expect(err.message).toContain(`${base}/shape`);
    expect(err.message).toMatch(/unexpected response shape at value/);
  });

  it("reports a non-JSON answer", async () => {
    expect((await failure("/html")).message).toMatch(/not JSON: <html>proxy error/);
  });

  it("uses the upstream's own error message for non-2xx answers", async () => {
    const err = await failure("/error", (_s, b) => (b as { error?: string }).error);
    expect(err.message).toMatch(/HTTP 400: parse error at char 5/);
  });

  it("times out slow upstreams", async () => {
    const err = await failure("/slow");
    expect(err.timedOut).toBe(true);
    expect(err.message).toMatch(/no answer within 500 ms/);
  });

  it("reports a refused connection", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await fetchUpstreamJson(`http://127.0.0.1:${port}/x`, schema, opts).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("explains failures that carry no error code", async () => {
    // Port 1 is on the fetch standard's list of blocked ports: undici refuses it before connecting.
    const err = await fetchUpstreamJson("http://127.0.0.1:1/x", schema, opts).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/fetch failed: .+/);
  });
});
