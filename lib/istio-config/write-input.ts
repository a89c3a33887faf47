/**
 * The object of a write (`PUT`/`POST /api/istio-config/...`), checked against the URL it was sent
 * to before the API server sees it: the kind, name and namespace must be the URL's (a body cannot
 * write elsewhere than it says), a replace must carry the resourceVersion it was read at (no lost
 * update), and the spec may not hold fields the kind does not have (the API server would drop them
 * silently). Each refusal names the field at fault.
 */
import { formatPath } from "@/lib/validation/path";
import { apiVersionOfKey, groupOf, kindOfKey, type IstioKey } from "./kinds";
import type { WriteBody } from "./schemas";
import { unknownSpecFields } from "./spec-fields";
import { parseObjectYaml } from "./yaml";

/** A field at fault and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Where a write goes: the URL's kind and namespace, and for a replace its name. */
export interface WriteTarget {
  key: IstioKey;
  namespace: string;
  /** The name in the URL (replace); absent for a create, which takes the body's name. */
  name?: string;
}

export type WriteInput = { ok: true; object: Record<string, unknown>; name: string } | { ok: false; issues: FieldIssue[] };

/** 1-based line of an offset, for messages about the YAML text. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const record = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * The object to write, with `apiVersion`, `kind` and `metadata.namespace` filled in from the URL
 * when the body leaves them out (and `metadata.name` for a replace), or the issues that refuse it.
 */
export function writeInput(body: WriteBody, target: WriteTarget): WriteInput {
  let raw: Record<string, unknown>;
  if (body.yaml !== undefined) {
    const parsed = parseObjectYaml(body.yaml);
    if (!parsed.ok) return { ok: false, issues: parsed.problems.map((p) => ({ path: "yaml", message: `line ${lineOf(body.yaml ?? "", p.from)}: ${p.message}` })) };
    raw = parsed.object;
  } else {
    raw = body.object ?? {};
  }

  const issues: FieldIssue[] = [];
  const kind = kindOfKey(target.key);
  const apiVersion = apiVersionOfKey(target.key);
  if (raw.kind !== undefined && raw.kind !== kind) issues.push({ path: "kind", message: `is ${JSON.stringify(raw.kind)}, but the URL is for ${kind} (${target.key})` });
  if (raw.apiVersion !== undefined && (typeof raw.apiVersion !== "string" || groupOf(raw.apiVersion) !== groupOf(apiVersion))) {
    issues.push({ path: "apiVersion", message: `is ${JSON.stringify(raw.apiVersion)}, but ${kind} belongs to ${groupOf(apiVersion)} (e.g. ${apiVersion})` });
  }

  const metadata = record(raw.metadata) ?? {};
  if (raw.metadata !== undefined && !record(raw.metadata)) issues.push({ path: "metadata", message: "must be a mapping" });
  const ns = metadata.namespace;
  if (ns !== undefined && ns !== target.namespace) issues.push({ path: "metadata.namespace", message: `is ${JSON.stringify(ns)}, but the URL is for namespace ${target.namespace}` });
  const name = metadata.name;
  if (target.name !== undefined) {
    if (name !== undefined && name !== target.name) issues.push({ path: "metadata.name", message: `is ${JSON.stringify(name)}, but the URL is for ${target.name} (create a new object to rename it)` });
    const rv = metadata.resourceVersion;
    if (typeof rv !== "string" || rv === "") {
      issues.push({ path: "metadata.resourceVersion", message: "is required: send the version you read, so that a change made since is not overwritten" });
    }
  } else if (typeof name !== "string" || name === "") {
    issues.push({ path: "metadata.name", message: "is required" });
  }

  if (raw.spec !== undefined && !record(raw.spec)) issues.push({ path: "spec", message: "must be a mapping" });
  for (const p of unknownSpecFields(target.key, raw.spec)) {
    issues.push({ path: formatPath(p), message: `unknown field ${JSON.stringify(p[p.length - 1])}: ${kind} has no such field (the API server would drop it)` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const finalName = target.name ?? (name as string);
  const object = { ...raw, apiVersion: raw.apiVersion ?? apiVersion, kind, metadata: { ...metadata, name: finalName, namespace: target.namespace } };
  return { ok: true, object, name: finalName };
}
