import { describe, expect, it } from "vitest";
import { ApiError } from "./status";
import { decodeProtobufObject, isProtobuf } from "./protobuf";

// A minimal protobuf encoder for building request bodies like client-go's.
function varint(n: number | bigint): Buffer {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}
const str = (field: number, s: string | Buffer): Buffer => {
  const bytes = Buffer.isBuffer(s) ? s : Buffer.from(s);
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
};
const msg = (field: number, ...parts: Buffer[]): Buffer => str(field, Buffer.concat(parts));
const int = (field: number, n: number): Buffer => Buffer.concat([varint(field << 3), varint(n)]);
const entry = (field: number, key: string, value: string): Buffer => msg(field, str(1, key), str(2, value));
const envelope = (apiVersion: string, kind: string, raw: Buffer): Buffer =>
  Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), msg(1, str(1, apiVersion), str(2, kind)), str(2, raw)]);

describe("protobuf request bodies", () => {
  it("recognises the media type", () => {
    expect(isProtobuf("application/vnd.kubernetes.protobuf")).toBe(true);
    expect(isProtobuf("application/json")).toBe(false);
  });

  it("decodes a Namespace as kubectl create namespace sends it, dropping Go's empty values", () => {
    const meta = msg(1, str(1, "foo"), str(2, ""), str(3, ""), msg(8), entry(11, "team", "mesh"));
    const body = envelope("v1", "Namespace", Buffer.concat([meta, msg(2), msg(3, str(1, ""))]));
    expect(decodeProtobufObject(body)).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "foo", labels: { team: "mesh" } }, spec: {}, status: {} });
  });

  it("decodes a Deployment with its pod template, int-or-strings and pointer zeros", () => {
    const container = msg(2, str(1, "nginx"), str(2, "nginx:1.27"), msg(6, int(3, 8080)), msg(7, str(1, "A"), str(2, "1")), msg(8));
    const podSpec = msg(2, container);
    const template = msg(3, msg(1, entry(11, "app", "web")), podSpec);
    const strategy = msg(4, str(1, "RollingUpdate"), msg(2, msg(1, int(1, 1), str(3, "30%")), msg(2, int(2, 2))));
    const spec = msg(2, int(1, 0), msg(2, entry(1, "app", "web")), template, strategy);
    const body = envelope("apps/v1", "Deployment", Buffer.concat([msg(1, str(1, "web"), str(3, "shop")), spec, msg(3)]));
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 8080 }], env: [{ name: "A", value: "1" }], resources: {} }] },
        },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "30%", maxSurge: 2 } },
      },
      status: {},
    });
  });

  it("decodes negative numbers and base64 bytes", () => {
    const body = envelope("v1", "ConfigMap", Buffer.concat([msg(1, str(1, "c"), int(7, -1)), msg(3, str(1, "bin"), str(2, Buffer.from([1, 2, 3])))]));
    expect(decodeProtobufObject(body)).toMatchObject({ metadata: { generation: -1 }, binaryData: { bin: "AQID" } });
  });

  it("answers 415 for kinds it has no schema for and 400 for garbage", () => {
    const status = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ApiError).code;
      }
      return 200;
    };
    expect(status(() => decodeProtobufObject(envelope("v1", "Secret", msg(1, str(1, "s")))))).toBe(415);
    expect(status(() => decodeProtobufObject(Buffer.from("{}")))).toBe(400);
    expect(status(() => decodeProtobufObject(Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), Buffer.from([0x0a, 0xff])])))).toBe(400);
  });
});
