/**
 * A stand-in for Prometheus that answers `/api/v1/query` instantly with bodies recorded from the real
 * one (matched by query text, GET or POST). With it, the graph service's own cost (HTTP client, JSON,
 * zod validation, sample mapping, build, serialisation) can be measured without Prometheus's time,
 * which on a shared machine varies far more than that cost.
 */
import { createServer, type IncomingMessage } from "node:http";

export interface ReplayServer {
  url: string;
  hits: () => number;
  close(): Promise<void>;
}

async function queryOf(req: IncomingMessage): Promise<string | null> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET") return url.searchParams.get("query");
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("query");
}

export function serveReplay(bodies: ReadonlyMap<string, string>): Promise<ReplayServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    queryOf(req).then(
      (q) => {
        const body = q === null ? undefined : bodies.get(q);
        if (!req.url?.startsWith("/api/v1/query") || body === undefined) {
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "not recorded" }));
          return;
        }
        hits++;
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
  // Client and server share this process's event loop, which a big JSON.parse blocks for seconds:
  // without these, idle keep-alive sockets get closed under the client's feet ("fetch failed").
  server.keepAliveTimeout = 0;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        hits: () => hits,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
