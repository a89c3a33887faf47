/**
 * List semantics: label and field selectors, and `limit`/`continue` pagination with opaque tokens
 * (base64 JSON of the revision and the last key, like the real server's).
 */
import type { KubeObject } from "../contracts";
import { isRecord } from "./json";
import type { ResourceType } from "./resource-types";
import { compileFieldSelector, matchesLabels, parseFieldSelector, parseLabelSelector } from "./selectors";
import { badRequest } from "./status";

/** A predicate over objects built from `labelSelector` and `fieldSelector`. */
export type ObjectFilter = (object: KubeObject) => boolean;

/** Builds the filter of a list or watch request; 400 BadRequest for malformed selectors. */
export function buildFilter(type: ResourceType, params: URLSearchParams): ObjectFilter {
  const labels = parseLabelSelector(params.get("labelSelector"));
  const fields = compileFieldSelector(type.kind, parseFieldSelector(params.get("fieldSelector")));
  return (o) => matchesLabels(labels, o.metadata.labels) && fields(o);
}

interface ContinueToken {
  rv: number;
  start: string;
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

function encodeToken(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: token.rv, start: token.start })).toString("base64");
}

function decodeToken(raw: string): ContinueToken {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    if (isRecord(parsed) && typeof parsed["rv"] === "number" && typeof parsed["start"] === "string") {
      return { rv: parsed["rv"], start: parsed["start"] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
}

/** One page of a list. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/**
 * Filters and pages objects (already in key order).
 * @param revision the store revision the list is served at
 */
export function pageOf(objects: readonly KubeObject[], filter: ObjectFilter, params: URLSearchParams, revision: number): ListPage {
  const limitRaw = params.get("limit");
  const limit = limitRaw && /^\d+$/.test(limitRaw) ? Number(limitRaw) : 0;
  const continueRaw = params.get("continue");
  let matching = objects.filter(filter);
  let listRevision = revision;
  if (continueRaw) {
    const token = decodeToken(continueRaw);
    matching = matching.filter((o) => keyOf(o) > token.start);
    listRevision = token.rv;
  }
  if (limit <= 0 || matching.length <= limit) return { items: matching, resourceVersion: String(listRevision) };
  const items = matching.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    resourceVersion: String(listRevision),
    continueToken: last ? encodeToken({ rv: listRevision, start: keyOf(last) }) : undefined,
    remainingItemCount: matching.length - limit,
  };
}
