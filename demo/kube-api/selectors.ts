/**
 * Label and field selectors: the string syntax of `?labelSelector=` / `?fieldSelector=`
 * (k8s.io/apimachinery/pkg/labels and pkg/fields) and the `LabelSelector` object of specs.
 */
import type { KubeObject } from "../contracts";
import { asArray, asRecord, asString, getIn, isRecord } from "./json";
import { badRequest } from "./status";

/** One requirement of a label selector. */
export type LabelRequirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists" }
  | { key: string; op: "gt" | "lt"; value: number };

/** A parsed label selector: every requirement must hold. */
export type LabelSelector = LabelRequirement[];

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      parts.push(input.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(input.slice(start));
  return parts.map((p) => p.trim());
}

function checkKey(key: string, raw: string): string {
  if (!KEY.test(key) || key.length > 317) {
    throw badRequest(`unable to parse requirement: invalid label key "${key}": ${raw}`);
  }
  return key;
}

function checkValue(value: string, raw: string): string {
  if (!VALUE.test(value) || value.length > 63) {
    throw badRequest(`unable to parse requirement: invalid label value: "${value}": ${raw}`);
  }
  return value;
}

function parseRequirement(raw: string): LabelRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(raw);
  if (setMatch) {
    const [, key = "", op, list = ""] = setMatch;
    if (!list.trim()) {
      throw badRequest(`unable to parse requirement: for 'in', 'notin' operators, values set can't be empty: ${raw}`);
    }
    const values = list.split(",").map((v) => v.trim());
    values.forEach((v) => checkValue(v, raw));
    return { key: checkKey(key, raw), op: op === "in" ? "in" : "notin", values };
  }
  if (raw.startsWith("!")) return { key: checkKey(raw.slice(1).trim(), raw), op: "!exists" };
  const opMatch = /^([^=!<>\s]+)\s*(==|!=|=|>|<)\s*(.*)$/.exec(raw);
  if (opMatch) {
    const [, key = "", op, value = ""] = opMatch;
    checkKey(key, raw);
    if (op === ">" || op === "<") {
      const n = Number(value);
      if (!/^-?\d+$/.test(value)) throw badRequest(`unable to parse requirement: for 'gt', 'lt' operators, the value must be an integer: ${raw}`);
      return { key, op: op === ">" ? "gt" : "lt", value: n };
    }
    return { key, op: op === "!=" ? "!=" : "=", value: checkValue(value.trim(), raw) };
  }
  if (/^\S+$/.test(raw)) return { key: checkKey(raw, raw), op: "exists" };
  throw badRequest(`unable to parse requirement: found '${raw}', expected: identifier`);
}

/** Parses a `labelSelector` string; an empty string selects everything. 400 BadRequest when malformed. */
export function parseLabelSelector(input: string | undefined | null): LabelSelector {
  if (!input || !input.trim()) return [];
  return splitTopLevel(input.trim()).map((part) => {
    if (!part) throw badRequest(`unable to parse requirement: found '', expected: identifier`);
    return parseRequirement(part);
  });
}

/** True when the labels satisfy every requirement. */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const value = l[r.key];
    switch (r.op) {
      case "=":
        return has && value === r.value;
      case "!=":
        return !has || value !== r.value;
      case "in":
        return has && r.values.includes(value ?? "");
      case "notin":
        return !has || !r.values.includes(value ?? "");
      case "exists":
        return has;
      case "!exists":
        return !has;
      case "gt":
        return has && /^-?\d+$/.test(value ?? "") && Number(value) > r.value;
      case "lt":
        return has && /^-?\d+$/.test(value ?? "") && Number(value) < r.value;
    }
  });
}

/**
 * Converts a `metav1.LabelSelector` object (matchLabels, matchExpressions) to requirements. An absent
 * selector matches nothing (undefined is returned), an empty one matches everything.
 */
export function fromLabelSelectorObject(value: unknown): LabelSelector | undefined {
  const sel = asRecord(value);
  if (!sel) return undefined;
  const reqs: LabelSelector = [];
  for (const [key, v] of Object.entries(asRecord(sel["matchLabels"]) ?? {})) {
    reqs.push({ key, op: "=", value: String(v) });
  }
  for (const expr of asArray(sel["matchExpressions"]).filter(isRecord)) {
    const key = asString(expr["key"]) ?? "";
    const values = asArray(expr["values"]).map(String);
    switch (expr["operator"]) {
      case "In":
        reqs.push({ key, op: "in", values });
        break;
      case "NotIn":
        reqs.push({ key, op: "notin", values });
        break;
      case "Exists":
        reqs.push({ key, op: "exists" });
        break;
      case "DoesNotExist":
        reqs.push({ key, op: "!exists" });
        break;
    }
  }
  return reqs;
}

/** Renders a selector object as a string (`app=x,tier in (a,b)`), like metav1.FormatLabelSelector. */
export function formatLabelSelector(value: unknown): string {
  const reqs = fromLabelSelectorObject(value);
  if (!reqs) return "<none>";
  if (reqs.length === 0) return "<none>";
  return reqs
    .map((r) => {
      switch (r.op) {
        case "=":
          return `${r.key}=${r.value}`;
        case "!=":
          return `${r.key}!=${r.value}`;
        case "in":
        case "notin":
          return `${r.key} ${r.op} (${r.values.join(",")})`;
        case "exists":
          return r.key;
        case "!exists":
          return `!${r.key}`;
        default:
          return `${r.key}${r.op === "gt" ? ">" : "<"}${r.value}`;
      }
    })
    .join(",");
}

/** One term of a field selector. */
export interface FieldRequirement {
  field: string;
  op: "=" | "!=";
  value: string;
}

/** Parses a `fieldSelector` string (`a=b,c!=d`). */
export function parseFieldSelector(input: string | undefined | null): FieldRequirement[] {
  if (!input || !input.trim()) return [];
  return input.split(",").map((part) => {
    const m = /^\s*([^=!\s]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    const [, field = "", op, value = ""] = m;
    return { field, op: op === "!=" ? "!=" : "=", value };
  });
}

/** Fields each kind supports in field selectors (beyond metadata.name and metadata.namespace). */
const FIELD_PATHS: Record<string, Record<string, (string | number)[]>> = {
  Pod: {
    "spec.nodeName": ["spec", "nodeName"],
    "spec.restartPolicy": ["spec", "restartPolicy"],
    "spec.schedulerName": ["spec", "schedulerName"],
    "spec.serviceAccountName": ["spec", "serviceAccountName"],
    "spec.hostNetwork": ["spec", "hostNetwork"],
    "status.phase": ["status", "phase"],
    "status.podIP": ["status", "podIP"],
    "status.nominatedNodeName": ["status", "nominatedNodeName"],
  },
  Event: {
    "involvedObject.kind": ["involvedObject", "kind"],
    "involvedObject.namespace": ["involvedObject", "namespace"],
    "involvedObject.name": ["involvedObject", "name"],
    "involvedObject.uid": ["involvedObject", "uid"],
    "involvedObject.apiVersion": ["involvedObject", "apiVersion"],
    "involvedObject.resourceVersion": ["involvedObject", "resourceVersion"],
    "involvedObject.fieldPath": ["involvedObject", "fieldPath"],
    reason: ["reason"],
    reportingComponent: ["reportingComponent"],
    source: ["source", "component"],
    type: ["type"],
  },
  Namespace: { "status.phase": ["status", "phase"] },
  Node: { "spec.unschedulable": ["spec", "unschedulable"] },
  ReplicaSet: { "status.replicas": ["status", "replicas"] },
  Service: { "spec.clusterIP": ["spec", "clusterIP"], "spec.type": ["spec", "type"] },
};

/**
 * Compiles field requirements for a kind into a predicate; 400 BadRequest for a field the kind does not
 * support, with the real server's message.
 */
export function compileFieldSelector(kind: string, reqs: FieldRequirement[]): (obj: KubeObject) => boolean {
  const paths = FIELD_PATHS[kind] ?? {};
  const getters = reqs.map((r) => {
    let get: (obj: KubeObject) => string;
    if (r.field === "metadata.name") get = (o) => o.metadata.name;
    else if (r.field === "metadata.namespace") get = (o) => o.metadata.namespace ?? "";
    else {
      const path = paths[r.field];
      if (!path) throw badRequest(`field label not supported: ${r.field}`);
      get = (o) => {
        const v = getIn(o, path);
        return v === undefined || v === null ? "" : String(v);
      };
    }
    return { r, get };
  });
  return (obj) => getters.every(({ r, get }) => (get(obj) === r.value) === (r.op === "="));
}
