/**
 * Reading request bodies and writing responses (JSON, YAML, Status), shared by the handlers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import yaml from "js-yaml";
import { ApiError, badRequest, tooLarge, type KubeStatus } from "./status";

/** The largest request body accepted (the real server's limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the whole request body; 413 past {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Decodes a body as JSON, or as YAML when the content type says so; 400 when it does not parse. */
export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString("utf8");
  if (!text.trim()) throw badRequest("the request body is empty");
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (media === "application/yaml" || media === "application/apply-patch+yaml" || media === "text/yaml") {
    try {
      return yaml.load(text);
    } catch (error) {
      throw badRequest(`error converting YAML to JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Sends a JSON (or YAML) body. */
export function send(res: ServerResponse, code: number, body: unknown, options: { yaml?: boolean; warnings?: string[]; contentType?: string } = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = options.yaml ? yaml.dump(body, { noRefs: true, lineWidth: -1 }) : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    "Content-Type": options.contentType ?? (options.yaml ? "application/yaml" : "application/json"),
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-cache, private",
  };
  if (options.warnings && options.warnings.length > 0) {
    headers["Warning"] = options.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  }
  res.writeHead(code, headers);
  res.end(text);
}

/** Sends a `Status` for an error (500 InternalError for anything that is not an {@link ApiError}). */
export function sendError(res: ServerResponse, error: unknown): void {
  const status: KubeStatus =
    error instanceof ApiError
      ? error.status
      : {
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message: `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`,
          reason: "InternalError",
          code: 500,
        };
  send(res, status.code, status);
}

/** Query parameter helpers over URLSearchParams. */
export function boolParam(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v === "true" || v === "1";
}

/** A non-negative integer query parameter; 400 when malformed. */
export function intParam(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  if (v === null || v === "") return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`invalid ${name}: ${JSON.stringify(v)}: must be an integer`);
  return Number(v);
}
