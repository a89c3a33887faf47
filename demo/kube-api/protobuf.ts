/**
 * Decoding of `application/vnd.kubernetes.protobuf` request bodies. kubectl's typed commands
 * (`kubectl create namespace|deployment|service|configmap|serviceaccount`) send protobuf, so the server
 * turns the envelope (`k8s\0` + runtime.Unknown) and the message into the JSON object it stands for,
 * using the field numbers of k8s.io/api's generated.proto (protobuf-schema.ts).
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
import { MESSAGES, KIND_MESSAGES, type FieldDef, type MessageDef } from "./protobuf-schema";
import { badRequest, unsupportedMediaType } from "./status";

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The media type of Kubernetes protobuf bodies. */
export const PROTOBUF_MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

interface RawField {
  number: number;
  wire: number;
  varint?: bigint;
  bytes?: Buffer;
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.buf[this.pos++];
      if (byte === undefined) throw badRequest("protobuf: truncated varint");
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw badRequest("protobuf: varint too long");
    }
  }

  take(length: number): Buffer {
    if (this.pos + length > this.buf.length) throw badRequest("protobuf: truncated field");
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  field(): RawField {
    const key = Number(this.varint());
    const number = key >>> 3;
    const wire = key & 7;
    switch (wire) {
      case 0:
        return { number, wire, varint: this.varint() };
      case 1:
        return { number, wire, bytes: this.take(8) };
      case 2:
        return { number, wire, bytes: this.take(Number(this.varint())) };
      case 5:
        return { number, wire, bytes: this.take(4) };
      default:
        throw badRequest(`protobuf: unsupported wire type ${wire}`);
    }
  }
}

function fields(buf: Buffer): RawField[] {
  const reader = new Reader(buf);
  const out: RawField[] = [];
  while (!reader.done()) out.push(reader.field());
  return out;
}

function scalar(def: FieldDef, raw: RawField): unknown {
  switch (def.type) {
    case "string":
      return raw.bytes?.toString("utf8") ?? "";
    case "bytes":
      return raw.bytes?.toString("base64") ?? "";
    case "bool":
      return raw.varint !== undefined && raw.varint !== 0n;
    case "int":
      return Number(BigInt.asIntN(64, raw.varint ?? 0n));
    default:
      return decodeMessage(def.type, raw.bytes ?? Buffer.alloc(0));
  }
}

/** Repeated scalars may arrive packed (one length-delimited field holding many varints). */
function unpack(def: FieldDef, raw: RawField): unknown[] {
  if ((def.type === "int" || def.type === "bool") && raw.wire === 2 && raw.bytes) {
    const reader = new Reader(raw.bytes);
    const values: unknown[] = [];
    while (!reader.done()) values.push(scalar(def, { number: raw.number, wire: 0, varint: reader.varint() }));
    return values;
  }
  return [scalar(def, raw)];
}

function special(name: string, obj: Record<string, unknown>): unknown {
  switch (name) {
    case "Time": {
      const seconds = typeof obj["seconds"] === "number" ? obj["seconds"] : 0;
      return seconds === 0 ? undefined : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    }
    case "IntOrString":
      return obj["type"] === 1 ? (obj["strVal"] ?? "") : (obj["intVal"] ?? 0);
    case "Quantity":
      return obj["string"] ?? "0";
    default:
      return obj;
  }
}

/** Decodes a message of the schema into its JSON form. */
export function decodeMessage(name: string, buf: Buffer): unknown {
  const def: MessageDef | undefined = MESSAGES[name];
  if (!def) throw badRequest(`protobuf: no schema for ${name}`);
  const obj: Record<string, unknown> = {};
  for (const raw of fields(buf)) {
    const fieldDef = def[raw.number];
    if (!fieldDef) continue;
    if (fieldDef.map) {
      const entry = fields(raw.bytes ?? Buffer.alloc(0));
      const key = entry.find((f) => f.number === 1)?.bytes?.toString("utf8") ?? "";
      const valueRaw = entry.find((f) => f.number === 2);
      const map = (obj[fieldDef.name] as Record<string, unknown> | undefined) ?? {};
      map[key] = valueRaw ? scalar(fieldDef, valueRaw) : fieldDef.type === "string" ? "" : undefined;
      obj[fieldDef.name] = map;
    } else if (fieldDef.repeated) {
      const list = (obj[fieldDef.name] as unknown[] | undefined) ?? [];
      list.push(...unpack(fieldDef, raw));
      obj[fieldDef.name] = list;
    } else {
      const value = scalar(fieldDef, raw);
      // Go marshals non-pointer fields even when empty; JSON's omitempty would leave them out.
      if (fieldDef.ptr || (value !== "" && value !== 0 && value !== false && value !== undefined)) obj[fieldDef.name] = value;
    }
  }
  return special(name, obj);
}

/** True when a Content-Type is Kubernetes protobuf. */
export function isProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() === PROTOBUF_MEDIA_TYPE;
}

/**
 * Decodes a protobuf request body into a JSON object (with apiVersion and kind).
 * 415 UnsupportedMediaType for kinds the server has no schema for.
 */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw badRequest("protobuf: missing the k8s envelope prefix");
  const unknown = fields(body.subarray(4));
  const typeMeta = fields(unknown.find((f) => f.number === 1)?.bytes ?? Buffer.alloc(0));
  const apiVersion = typeMeta.find((f) => f.number === 1)?.bytes?.toString("utf8") ?? "";
  const kind = typeMeta.find((f) => f.number === 2)?.bytes?.toString("utf8") ?? "";
  const raw = unknown.find((f) => f.number === 2)?.bytes ?? Buffer.alloc(0);
  const message = KIND_MESSAGES[`${apiVersion}/${kind}`];
  if (!message) throw unsupportedMediaType(["application/json", "application/yaml"]);
  const decoded = decodeMessage(message, raw) as Record<string, unknown>;
  return { apiVersion, kind, ...decoded };
}
