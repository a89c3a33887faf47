/**
 * Schema validation of Istio objects with `@kubernetes-models/istio`, its ajv errors turned into the
 * `details.causes` an API server answers for an invalid custom resource
 * (k8s.io/apiextensions-apiserver/pkg/apiserver/validation), e.g.
 * `spec.http[0].route[0].weight: Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer: "string"`.
 */
import type { KubeObject } from "../contracts";
import { formatFieldPath, segmentsOfPointer } from "./field-path";
import { ISTIO_MODEL_LOADERS, type IstioModel } from "./istio-models";
import { getIn, isRecord } from "./json";
import type { StatusCause } from "./status";

/** The part of an ajv error used here. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The JSON type name the API server prints for a value. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function printValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? "null";
}

/** Converts one ajv error into a cause with a Kubernetes field path and message. */
function causeOf(error: AjvError, object: unknown): StatusCause {
  const segments = segmentsOfPointer(error.instancePath);
  const value = getIn(object, segments);
  const field = formatFieldPath(segments);
  const p = error.params;
  switch (error.keyword) {
    case "required": {
      const missing = String(p["missingProperty"] ?? "");
      return { reason: "FieldValueRequired", message: "Required value", field: formatFieldPath([...segments, missing]) };
    }
    case "type":
      return {
        reason: "FieldValueTypeInvalid",
        message: `Invalid value: "${typeName(value)}": ${field} in body must be of type ${String(p["type"])}: "${typeName(value)}"`,
        field,
      };
    case "enum": {
      const allowed = Array.isArray(p["allowedValues"]) ? p["allowedValues"].map((v) => printValue(v)).join(", ") : "";
      return { reason: "FieldValueNotSupported", message: `Unsupported value: ${printValue(value)}: supported values: ${allowed}`, field };
    }
    case "maximum":
    case "exclusiveMaximum":
      return {
        reason: "FieldValueInvalid",
        message: `Invalid value: ${printValue(value)}: ${field} in body should be less than ${error.keyword === "maximum" ? "or equal to " : ""}${String(p["limit"])}`,
        field,
      };
    case "minimum":
    case "exclusiveMinimum":
      return {
        reason: "FieldValueInvalid",
        message: `Invalid value: ${printValue(value)}: ${field} in body should be greater than ${error.keyword === "minimum" ? "or equal to " : ""}${String(p["limit"])}`,
        field,
      };
    case "maxItems":
      return { reason: "FieldValueTooMany", message: `Too many: ${Array.isArray(value) ? value.length : 0}: must have at most ${String(p["limit"])} items`, field };
    case "minItems":
      return { reason: "FieldValueInvalid", message: `Invalid value: ${Array.isArray(value) ? value.length : 0}: ${field} in body should have at least ${String(p["limit"])} items`, field };
    case "maxLength":
      return { reason: "FieldValueTooLong", message: `Too long: may not be more than ${String(p["limit"])} bytes`, field };
    case "minLength":
      return { reason: "FieldValueInvalid", message: `Invalid value: ${printValue(value)}: ${field} in body should be at least ${String(p["limit"])} chars long`, field };
    case "pattern":
      return { reason: "FieldValueInvalid", message: `Invalid value: ${printValue(value)}: ${field} in body should match '${String(p["pattern"])}'`, field };
    case "format":
      return { reason: "FieldValueInvalid", message: `Invalid value: ${printValue(value)}: ${field} in body must be of type ${String(p["format"])}: ${printValue(value)}`, field };
    default:
      return { reason: "FieldValueInvalid", message: `Invalid value: ${printValue(value)}: ${error.message ?? error.keyword}`, field };
  }
}

/**
 * Converts ajv errors into causes. A field with a wrong type reports only that (ajv adds e.g. a
 * `format: int32` error for 1.5), and duplicates are dropped.
 */
export function causesFromAjvErrors(errors: readonly AjvError[], object: unknown): StatusCause[] {
  const typeErrors = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const causes = errors.filter((e) => e.keyword === "type" || !typeErrors.has(e.instancePath)).map((e) => causeOf(e, object));
  return causes.filter((c, i) => causes.findIndex((o) => o.field === c.field && o.message === c.message) === i);
}

function ajvErrorsOf(error: unknown): AjvError[] | undefined {
  if (!isRecord(error) || !Array.isArray(error["errors"])) return undefined;
  return error["errors"].filter(
    (e): e is AjvError => isRecord(e) && typeof e["instancePath"] === "string" && typeof e["keyword"] === "string" && isRecord(e["params"]),
  );
}

/** Validates Istio objects against the schema of their kind. */
export class IstioValidator {
  private constructor(private readonly models: Map<string, IstioModel>) {}

  /** Loads every Istio model (they are ESM modules loaded with `import()`). */
  static async load(): Promise<IstioValidator> {
    const entries = await Promise.all(
      ISTIO_MODEL_LOADERS.map(async ([key, load]) => [key, (await load()) as IstioModel] as const),
    );
    return new IstioValidator(new Map(entries));
  }

  /** True when a model exists for the apiVersion and kind. */
  has(apiVersion: string, kind: string): boolean {
    return this.models.has(`${apiVersion}/${kind}`);
  }

  /** The model of the kind at that version, else at another version of the same group. */
  private modelFor(apiVersion: string, kind: string): [IstioModel, string] | undefined {
    const exact = this.models.get(`${apiVersion}/${kind}`);
    if (exact) return [exact, apiVersion];
    const group = apiVersion.split("/")[0] ?? "";
    for (const [key, model] of this.models) {
      if (key.startsWith(`${group}/`) && key.endsWith(`/${kind}`)) return [model, key.slice(0, -kind.length - 1)];
    }
    return undefined;
  }

  /** Causes of the object's schema violations; empty when valid or when no model knows the kind. */
  validate(object: KubeObject): StatusCause[] {
    const found = this.modelFor(object.apiVersion, object.kind);
    if (!found) return [];
    const [Model, apiVersion] = found;
    const rest: Record<string, unknown> = { ...object, apiVersion };
    delete rest["status"];
    try {
      new Model(rest).validate();
      return [];
    } catch (error) {
      const errors = ajvErrorsOf(error);
      if (!errors) return [{ reason: "FieldValueInvalid", message: String(error) }];
      // metadata is validated by the API server's own rules (metadata-validation.ts).
      return causesFromAjvErrors(
        errors.filter((e) => !e.instancePath.startsWith("/metadata")),
        object,
      );
    }
  }
}
