/**
 * `meta.k8s.io/v1` Table responses, what `kubectl get` asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. Built-in kinds use table-columns.ts; custom
 * resources use the CRD's additionalPrinterColumns, evaluated like the apiextensions table convertor.
 */
import type { KubeObject } from "../contracts";
import { ageOf } from "./age";
import { isRecord } from "./json";
import type { PrinterColumn, ResourceType } from "./resource-types";
import { BUILTIN_COLUMNS, NAME_COLUMN, type Cell, type ColumnDefinition, type KindColumns } from "./table-columns";

/** `?includeObject=`: what each row carries besides its cells. */
export type IncludeObject = "None" | "Metadata" | "Object";

/** A Table row. */
export interface TableRow {
  cells: Cell[];
  object?: Record<string, unknown>;
}

/** A `meta.k8s.io/v1` Table. */
export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1";
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

/** Options of {@link toTable}. */
export interface TableOptions {
  includeObject?: IncludeObject;
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  /** Leave the column definitions out (watch events after the first). */
  omitColumns?: boolean;
  now?: number;
}

/** Evaluates a simple JSONPath (`.spec.hosts`, `.spec.ports[0].port`) against an object. */
export function evaluateJsonPath(object: unknown, path: string): unknown {
  const steps = path.replace(/^\{|\}$/g, "").match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let current: unknown = object;
  for (const step of steps) {
    if (current === undefined || current === null) return undefined;
    if (step.startsWith("[")) {
      const i = Number(step.slice(1, -1));
      current = Array.isArray(current) ? current[i] : undefined;
    } else current = isRecord(current) ? current[step] : undefined;
  }
  return current;
}

/** A cell of a printer column, as k8s.io/apiextensions-apiserver's tableconvertor renders it. */
export function printerCell(column: PrinterColumn, value: unknown, now: number): Cell {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case "string":
      // Go's jsonpath prints lists and maps as JSON, scalars as their text.
      return typeof value === "object" ? JSON.stringify(value) : String(value);
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date":
      return typeof value === "string" ? (Number.isNaN(Date.parse(value)) ? "<invalid>" : ageOf(value, now)) : null;
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

function crdColumns(columns: PrinterColumn[]): KindColumns {
  return {
    columns: [
      NAME_COLUMN,
      ...columns.map((c) => ({
        name: c.name,
        type: c.type,
        format: c.format ?? "",
        description: c.description ?? "",
        priority: c.priority ?? 0,
      })),
    ],
    cells: (o, now) => [o.metadata.name, ...columns.map((c) => printerCell(c, evaluateJsonPath(o, c.jsonPath), now))],
  };
}

/** The columns of a resource. */
export function columnsFor(type: ResourceType): KindColumns {
  if (type.builtIn) {
    const builtin = BUILTIN_COLUMNS[type.kind];
    if (builtin) return builtin;
  }
  return crdColumns(type.printerColumns ?? [{ name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" }]);
}

function rowObject(object: KubeObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === "None") return undefined;
  if (include === "Object") return object;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

/** Builds the Table of a list (or of one object). */
export function toTable(type: ResourceType, objects: readonly KubeObject[], options: TableOptions = {}): Table {
  const { columns, cells } = columnsFor(type);
  const now = options.now ?? Date.now();
  const include = options.includeObject ?? "Metadata";
  const metadata: Table["metadata"] = {};
  if (options.resourceVersion !== undefined) metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata,
    columnDefinitions: options.omitColumns ? [] : columns,
    rows: objects.map((o) => {
      const row: TableRow = { cells: cells(o, now) };
      const obj = rowObject(o, include);
      if (obj) row.object = obj;
      return row;
    }),
  };
}
