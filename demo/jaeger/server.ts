import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { SpanStore } from "../tracing/span-store";
import { replyGoHttpError, replyMethodNotAllowed, replyNotFoundPage } from "./http-reply";
import { handleV1 } from "./v1-routes";
import { handleV3 } from "./v3-routes";

export interface JaegerQueryOptions {
  /** Where the simulator records spans. */
  store: SpanStore;
  /** 0 or absent: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningJaegerQuery {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:16686`; point `JAEGER_URL` here. */
  url: string;
  /** Stops listening and drops open connections, so the port is free when this resolves. */
  close(): Promise<void>;
}

function route(store: SpanStore, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  const isApi = url.pathname.startsWith("/api/");
  if (!isApi) return replyNotFoundPage(res);
  if (req.method !== "GET" && req.method !== "HEAD") return replyMethodNotAllowed(res, "GET, HEAD");
  const handled = url.pathname.startsWith("/api/v3/")
    ? handleV3(store, url.pathname, url.searchParams, res)
    : handleV1(store, url.pathname, url.searchParams, res);
  if (!handled) replyNotFoundPage(res);
}

/**
 * Starts an HTTP server speaking Jaeger's query APIs over a {@link SpanStore}: v1 JSON under
 * `/api/...` (what the Jaeger UI and most consoles use) and v3 OTLP JSON under `/api/v3/...`.
 */
export async function startJaegerQuery(opts: JaegerQueryOptions): Promise<RunningJaegerQuery> {
  const host = opts.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    try {
      route(opts.store, req, res);
    } catch (e) {
      // Jaeger's handlers answer storage failures with 500 in their own envelope; ours cannot fail
      // that way, so anything here is a bug worth seeing in the body.
      if (!res.headersSent) replyGoHttpError(res, 500, JSON.stringify({ error: { httpCode: 500, message: String(e) } }));
      else res.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
