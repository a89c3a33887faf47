/**
 * Content negotiation of responses: plain JSON (or YAML), Tables for `kubectl get`, partial object
 * metadata for metadata informers, and aggregated discovery. Protobuf is never offered, so clients that
 * list it first fall back to JSON as they do against servers without protobuf.
 */
import { notAcceptable } from "./status";

/** What a response is rendered as. */
export type ResponseFormat =
  | { kind: "json" }
  | { kind: "yaml" }
  | { kind: "table" }
  | { kind: "partial" }
  | { kind: "discovery"; version: "v2" | "v2beta1" };

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

/** Parses an Accept header into media ranges, best first (stable for equal q). */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || !header.trim()) return [{ type: "*/*", params: {}, q: 1 }];
  return header
    .split(",")
    .map((part, index) => {
      const [rawType = "", ...rawParams] = part.split(";");
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf("=");
        if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
      }
      const q = params["q"] !== undefined ? Number(params["q"]) : 1;
      return { range: { type: rawType.trim().toLowerCase(), params, q: Number.isFinite(q) ? q : 0 }, index };
    })
    .filter(({ range }) => range.q > 0)
    .sort((a, b) => b.range.q - a.range.q || a.index - b.index)
    .map(({ range }) => range);
}

function isJsonish(type: string): boolean {
  return type === "application/json" || type === "*/*" || type === "application/*";
}

/**
 * Picks the response format for a request.
 * @param allow which special formats the endpoint can produce
 */
export function negotiate(header: string | undefined, allow: { table?: boolean; partial?: boolean; discovery?: boolean }): ResponseFormat {
  for (const range of parseAccept(header)) {
    const as = range.params["as"];
    if (as) {
      const g = range.params["g"];
      if (allow.table && as === "Table" && g === "meta.k8s.io") return { kind: "table" };
      if (allow.partial && (as === "PartialObjectMetadataList" || as === "PartialObjectMetadata") && g === "meta.k8s.io") {
        return { kind: "partial" };
      }
      if (allow.discovery && as === "APIGroupDiscoveryList" && g === "apidiscovery.k8s.io") {
        const v = range.params["v"];
        if (v === "v2" || v === "v2beta1") return { kind: "discovery", version: v };
      }
      continue;
    }
    if (isJsonish(range.type)) return { kind: "json" };
    if (range.type === "application/yaml") return { kind: "yaml" };
  }
  throw notAcceptable(["application/json", "application/yaml"]);
}
