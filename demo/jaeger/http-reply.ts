import type { ServerResponse } from "node:http";

/** A successful JSON answer (`Content-Type: application/json`, as Jaeger's `writeJSON`). */
export function replyJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Go's `http.Error`, which Jaeger uses for every error: the body (a JSON envelope for the query
 * APIs) followed by a newline, sent as `text/plain; charset=utf-8` with `nosniff`.
 */
export function replyGoHttpError(res: ServerResponse, status: number, body: string): void {
  const text = `${body}\n`;
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Go's `http.NotFound`, what both Jaeger routers answer for an unknown path. */
export function replyNotFoundPage(res: ServerResponse): void {
  replyGoHttpError(res, 404, "404 page not found");
}

/** Go's `ServeMux` answer to a known path with another method. */
export function replyMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader("Allow", allow);
  replyGoHttpError(res, 405, "Method Not Allowed");
}

/** Decodes one path segment, or undefined when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
