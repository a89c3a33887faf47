/**
 * Schema validation of an object against its kind's CRD schema, in the browser as you type: the
 * validators precompiled by `@kubernetes-models/istio` (the same the demo API server runs), one
 * module per kind loaded on demand so that no page pays for kinds it does not edit. Unknown spec
 * fields, which the schema lets through and the API server drops, are reported too.
 */
import { formatPath, type PathSegment } from "@/lib/validation/path";
import type { FieldIssue } from "./write-input";
import type { IstioKey } from "./kinds";
import { unknownSpecFields } from "./spec-fields";

/** What a model's `validate()` throws: ajv's errors. */
interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validate = (object: Record<string, unknown>) => void;

/** A model's validation as a function of a plain object (the model checks it; the cast only names it). */
const validating =
  <D,>(Model: new (data: D) => { validate(): void }): Validate =>
  (object) =>
    new Model(object as D).validate();

const LOADERS: Record<IstioKey, () => Promise<Validate>> = {
  virtualservices: async () => validating((await import("@kubernetes-models/istio/networking.istio.io/v1/VirtualService")).VirtualService),
  destinationrules: async () => validating((await import("@kubernetes-models/istio/networking.istio.io/v1/DestinationRule")).DestinationRule),
  gateways: async () => validating((await import("@kubernetes-models/istio/networking.istio.io/v1/Gateway")).Gateway),
  serviceentries: async () => validating((await import("@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry")).ServiceEntry),
  sidecars: async () => validating((await import("@kubernetes-models/istio/networking.istio.io/v1/Sidecar")).Sidecar),
  peerauthentications: async () => validating((await import("@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication")).PeerAuthentication),
  authorizationpolicies: async () => validating((await import("@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy")).AuthorizationPolicy),
  requestauthentications: async () => validating((await import("@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication")).RequestAuthentication),
};

/** A schema problem: the path as segments (to find the YAML node) and as text, and the message. */
export interface SchemaIssue extends FieldIssue {
  segments: PathSegment[];
}

function segmentsOf(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function messageOf(e: AjvError): string {
  if (e.keyword === "enum" && Array.isArray(e.params.allowedValues)) return `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "required") return "is required";
  return e.message ?? e.keyword;
}

function toIssues(errors: readonly AjvError[]): SchemaIssue[] {
  // A field of the wrong type reports only that (ajv adds e.g. a format error for the same field).
  const typeErrors = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const out: SchemaIssue[] = [];
  for (const e of errors) {
    if (e.keyword !== "type" && typeErrors.has(e.instancePath)) continue;
    const segments = segmentsOf(e.instancePath);
    if (e.keyword === "required" && typeof e.params.missingProperty === "string") segments.push(e.params.missingProperty);
    const issue = { segments, path: formatPath(segments) || "(object)", message: messageOf(e) };
    if (!out.some((o) => o.path === issue.path && o.message === issue.message)) out.push(issue);
  }
  return out;
}

/** The object's schema problems (types, enums, required fields, ranges) and unknown spec fields. */
export async function checkSchema(key: IstioKey, object: Record<string, unknown>): Promise<SchemaIssue[]> {
  const validate = await LOADERS[key]();
  const { status: _status, ...rest } = object;
  let issues: SchemaIssue[] = [];
  try {
    validate(rest);
  } catch (err) {
    const errors = (err as { errors?: unknown }).errors;
    issues = Array.isArray(errors) ? toIssues(errors as AjvError[]) : [{ segments: [], path: "(object)", message: String(err) }];
  }
  for (const segments of unknownSpecFields(key, object.spec)) {
    issues.push({ segments, path: formatPath(segments), message: `unknown field ${JSON.stringify(segments[segments.length - 1])}: the API server would drop it` });
  }
  return issues;
}
