/**
 * An HTTP endpoint for Prometheus: `GET /stats/prometheus` (Envoy's path) and `/metrics`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { renderRegistry } from "./exposition";

export interface MetricsServerOptions {
  registry: Registry;
  /** Serve only this shard of the Istio series (see shards.ts); every series when absent. */
  shard?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface MetricsServer {
  /** Base URL, e.g. `http://127.0.0.1:15090`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const PATHS = new Set(["/stats/prometheus", "/metrics"]);

/** Serves a registry (or one shard of it) in the Prometheus text format. */
export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  const host = opts.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!PATHS.has(path)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("method not allowed\n");
      return;
    }
    renderRegistry(opts.registry, opts.shard).then(
      (body) => {
        res.writeHead(200, { "content-type": opts.registry.contentType });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      (err: unknown) => {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${String(err)}\n`);
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
