/**
 * The checks of k8s.io/kubernetes/pkg/apis/{core,apps}/validation that matter for the demo: required
 * containers and images, selectors that match their template, valid service ports and types, and
 * immutable fields. Messages follow the real ones.
 */
import type { KubeObject } from "../contracts";
import { formatFieldPath } from "./field-path";
import { asArray, asRecord, deepEqual, isRecord } from "./json";
import { validateName } from "./metadata-validation";
import { fromLabelSelectorObject, matchesLabels } from "./selectors";
import type { StatusCause } from "./status";

type Path = (string | number)[];

const required = (path: Path): StatusCause => ({ reason: "FieldValueRequired", message: "Required value", field: formatFieldPath(path) });
const invalidValue = (path: Path, value: unknown, detail: string): StatusCause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field: formatFieldPath(path),
});

function validateContainers(spec: Record<string, unknown>, path: Path): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = asArray(spec["containers"]);
  if (containers.length === 0) causes.push(required([...path, "containers"]));
  const seen = new Set<string>();
  for (const listName of ["initContainers", "containers"]) {
    asArray(spec[listName]).forEach((raw, i) => {
      const c = asRecord(raw) ?? {};
      const at: Path = [...path, listName, i];
      const name = typeof c["name"] === "string" ? c["name"] : "";
      if (!name) causes.push(required([...at, "name"]));
      else {
        causes.push(...validateName(name, "label", formatFieldPath([...at, "name"])));
        if (seen.has(name)) causes.push({ reason: "FieldValueDuplicate", message: `Duplicate value: ${JSON.stringify(name)}`, field: formatFieldPath([...at, "name"]) });
        seen.add(name);
      }
      if (typeof c["image"] !== "string" || !c["image"].trim()) causes.push(required([...at, "image"]));
      asArray(c["ports"]).forEach((p, j) => {
        const port = asRecord(p)?.["containerPort"];
        if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
          causes.push(invalidValue([...at, "ports", j, "containerPort"], port ?? 0, "must be between 1 and 65535, inclusive"));
        }
      });
    });
  }
  return causes;
}

function validateWorkload(object: KubeObject, previous: KubeObject | undefined): StatusCause[] {
  const spec = asRecord(object["spec"]) ?? {};
  const causes: StatusCause[] = [];
  const replicas = spec["replicas"];
  if (replicas !== undefined && (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0)) {
    causes.push(invalidValue(["spec", "replicas"], replicas, "must be greater than or equal to 0"));
  }
  const selector = fromLabelSelectorObject(spec["selector"]);
  const template = asRecord(spec["template"]) ?? {};
  const labels = asRecord(asRecord(template["metadata"])?.["labels"]) as Record<string, string> | undefined;
  if (!selector) causes.push(required(["spec", "selector"]));
  else if (selector.length === 0) {
    causes.push(invalidValue(["spec", "selector"], spec["selector"], "empty selector is invalid for deployment"));
  } else if (!matchesLabels(selector, labels)) {
    causes.push(invalidValue(["spec", "template", "metadata", "labels"], labels ?? {}, "`selector` does not match template `labels`"));
  }
  causes.push(...validateContainers(asRecord(template["spec"]) ?? {}, ["spec", "template", "spec"]));
  const oldSelector = asRecord(previous?.["spec"])?.["selector"];
  if (previous && oldSelector !== undefined && !deepEqual(oldSelector, spec["selector"])) {
    causes.push(invalidValue(["spec", "selector"], spec["selector"], "field is immutable"));
  }
  return causes;
}

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

function validateService(object: KubeObject, previous: KubeObject | undefined): StatusCause[] {
  const spec = asRecord(object["spec"]) ?? {};
  const causes: StatusCause[] = [];
  const type = spec["type"] ?? "ClusterIP";
  if (typeof type !== "string" || !SERVICE_TYPES.includes(type)) {
    causes.push({
      reason: "FieldValueNotSupported",
      message: `Unsupported value: ${JSON.stringify(type)}: supported values: ${SERVICE_TYPES.map((t) => `"${t}"`).join(", ")}`,
      field: "spec.type",
    });
  }
  const ports = asArray(spec["ports"]);
  if (type !== "ExternalName" && spec["clusterIP"] !== "None" && ports.length === 0) causes.push(required(["spec", "ports"]));
  ports.forEach((raw, i) => {
    const p = asRecord(raw) ?? {};
    if (ports.length > 1 && !p["name"]) causes.push(required(["spec", "ports", i, "name"]));
    const port = p["port"];
    if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
      causes.push(invalidValue(["spec", "ports", i, "port"], port ?? 0, "must be between 1 and 65535, inclusive"));
    }
  });
  const oldIp = asRecord(previous?.["spec"])?.["clusterIP"];
  if (previous && typeof oldIp === "string" && oldIp && spec["clusterIP"] !== oldIp) {
    causes.push(invalidValue(["spec", "clusterIP"], spec["clusterIP"] ?? "", "field is immutable"));
  }
  return causes;
}

function validateConfigMap(object: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const field of ["data", "binaryData"]) {
    const data = object[field];
    if (data === undefined || data === null) continue;
    if (!isRecord(data)) causes.push(invalidValue([field], data, "must be a map of strings"));
    else {
      for (const [key, value] of Object.entries(data)) {
        if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
          causes.push(invalidValue([field], key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
        }
        if (typeof value !== "string") causes.push(invalidValue([field, key], value, "must be a string"));
      }
    }
  }
  return causes;
}

/**
 * Validates a built-in object (after defaulting).
 * @param previous the stored object, for updates (immutable fields)
 */
export function validateBuiltin(object: KubeObject, previous?: KubeObject): StatusCause[] {
  switch (`${object.apiVersion}/${object.kind}`) {
    case "v1/Pod":
      return validateContainers(asRecord(object["spec"]) ?? {}, ["spec"]);
    case "apps/v1/Deployment":
    case "apps/v1/ReplicaSet":
      return validateWorkload(object, previous);
    case "v1/Service":
      return validateService(object, previous);
    case "v1/ConfigMap":
      return validateConfigMap(object);
    default:
      return [];
  }
}
