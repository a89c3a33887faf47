/**
 * Validation of object metadata with the API server's messages: names (RFC 1123 subdomain or label,
 * RFC 1035 label for services), label keys and values, annotation size.
 */
import type { KubeObject } from "../contracts";
import { isRecord } from "./json";
import type { StatusCause } from "./status";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** Which name rule a kind follows. */
export type NameRule = "subdomain" | "label" | "dns1035";

/** The name rule of a kind (Namespace: RFC 1123 label, Service: RFC 1035 label, others: subdomain). */
export function nameRuleOf(kind: string): NameRule {
  if (kind === "Namespace") return "label";
  if (kind === "Service") return "dns1035";
  return "subdomain";
}

const invalidValue = (field: string, value: string, detail: string): StatusCause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
});

/** Problems with a name under a rule; empty when valid. */
export function validateName(name: string, rule: NameRule, field = "metadata.name"): StatusCause[] {
  if (!name) return [{ reason: "FieldValueRequired", message: "Required value: name or generateName is required", field }];
  const causes: StatusCause[] = [];
  const max = rule === "subdomain" ? 253 : 63;
  if (name.length > max) causes.push(invalidValue(field, name, `must be no more than ${max} characters`));
  if (rule === "subdomain" && !SUBDOMAIN.test(name)) causes.push(invalidValue(field, name, SUBDOMAIN_MSG));
  if (rule === "label" && !LABEL.test(name)) causes.push(invalidValue(field, name, LABEL_MSG));
  if (rule === "dns1035" && !DNS1035.test(name)) causes.push(invalidValue(field, name, DNS1035_MSG));
  return causes;
}

/** Problems with a label or annotation key (`prefix/name`). */
function validateQualifiedName(key: string, field: string): StatusCause[] {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : "";
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const causes: StatusCause[] = [];
  if (slash >= 0 && (!prefix || prefix.length > 253 || !SUBDOMAIN.test(prefix))) {
    causes.push(invalidValue(field, key, `prefix part ${SUBDOMAIN_MSG}`));
  }
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) causes.push(invalidValue(field, key, QUALIFIED_MSG));
  return causes;
}

/** Validates labels, annotations and the name of an object's metadata. */
export function validateMetadata(object: KubeObject, rule: NameRule): StatusCause[] {
  const meta = object.metadata;
  const causes = validateName(meta.name, rule);
  if (isRecord(meta.labels)) {
    for (const [key, value] of Object.entries(meta.labels)) {
      causes.push(...validateQualifiedName(key, "metadata.labels"));
      if (typeof value !== "string" || value.length > 63 || !LABEL_VALUE.test(value)) {
        causes.push(invalidValue("metadata.labels", String(value), LABEL_VALUE_MSG));
      }
    }
  }
  if (isRecord(meta.annotations)) {
    let size = 0;
    for (const [key, value] of Object.entries(meta.annotations)) {
      causes.push(...validateQualifiedName(key, "metadata.annotations"));
      size += key.length + String(value).length;
    }
    if (size > 256 * 1024) {
      causes.push({ reason: "FieldValueTooLong", message: "Too long: must have at most 262144 bytes", field: "metadata.annotations" });
    }
  }
  return causes;
}
