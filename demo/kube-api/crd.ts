/**
 * CustomResourceDefinitions: the resource types a CRD object makes the server serve, and the status a
 * real API server gives an accepted CRD.
 */
import type { KubeObject } from "../contracts";
import { asArray, asRecord, asString, isRecord } from "./json";
import { STANDARD_VERBS, type PrinterColumn, type ResourceType } from "./resource-types";

const AGE_COLUMN: PrinterColumn = { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" };

function strings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

function printerColumns(version: Record<string, unknown>): PrinterColumn[] {
  const columns = asArray(version["additionalPrinterColumns"])
    .filter(isRecord)
    .map((c) => {
      const column: PrinterColumn = {
        name: asString(c["name"]) ?? "",
        type: asString(c["type"]) ?? "string",
        jsonPath: asString(c["jsonPath"]) ?? "",
      };
      const description = asString(c["description"]);
      if (description) column.description = description;
      const format = asString(c["format"]);
      if (format) column.format = format;
      if (typeof c["priority"] === "number") column.priority = c["priority"];
      return column;
    });
  return columns.length > 0 ? columns : [AGE_COLUMN];
}

/** The resource types served for each served version of a CRD; empty when the CRD is malformed. */
export function resourceTypesOfCrd(crd: KubeObject): ResourceType[] {
  const spec = asRecord(crd["spec"]);
  const names = asRecord(spec?.["names"]);
  const group = asString(spec?.["group"]);
  const plural = asString(names?.["plural"]);
  const kind = asString(names?.["kind"]);
  if (!spec || !names || !group || !plural || !kind) return [];
  const namespaced = spec["scope"] !== "Cluster";
  return asArray(spec["versions"])
    .filter(isRecord)
    .filter((v) => v["served"] !== false && typeof v["name"] === "string")
    .map((v) => {
      const subresources = asRecord(v["subresources"]);
      const schema = asRecord(asRecord(v["schema"])?.["openAPIV3Schema"]);
      const type: ResourceType = {
        group,
        version: String(v["name"]),
        plural,
        singular: asString(names["singular"]) ?? kind.toLowerCase(),
        kind,
        listKind: asString(names["listKind"]) ?? `${kind}List`,
        namespaced,
        shortNames: strings(names["shortNames"]),
        categories: strings(names["categories"]),
        verbs: STANDARD_VERBS,
        subresources: subresources?.["status"]
          ? [{ name: "status", kind, verbs: ["get", "patch", "update"] }]
          : [],
        builtIn: false,
        storageKey: `${group}/${plural}`,
        printerColumns: printerColumns(v),
      };
      if (schema) type.schema = schema;
      return type;
    });
}

/** The status of an established CRD, as the apiextensions controller writes it. */
export function establishedCrdStatus(crd: KubeObject, now: string): Record<string, unknown> {
  const spec = asRecord(crd["spec"]) ?? {};
  const versions = asArray(spec["versions"]).filter(isRecord);
  const storage = versions.find((v) => v["storage"] === true) ?? versions[0];
  return {
    acceptedNames: spec["names"] ?? {},
    conditions: [
      {
        type: "NamesAccepted",
        status: "True",
        reason: "NoConflicts",
        message: "no conflicts found",
        lastTransitionTime: now,
      },
      {
        type: "Established",
        status: "True",
        reason: "InitialNamesAccepted",
        message: "the initial names have been accepted",
        lastTransitionTime: now,
      },
    ],
    storedVersions: storage && typeof storage["name"] === "string" ? [storage["name"]] : [],
  };
}
