import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { SpanStore } from "../tracing/span-store";
import getOperationsFixture from "./fixtures/v3/GetOperations.json";
import getServicesFixture from "./fixtures/v3/GetServices.json";
import getTraceFixture from "./fixtures/v3/GetTrace.json";
import { inferShape, shapeMismatches } from "./json-shape";
import { OTLP_SHAPE_OPTIONS } from "./otlp-shape-options";
import { bookinfoTrace, simSpan } from "./sample-spans";
import { startJaegerQuery, type RunningJaegerQuery } from "./server";

const NOW_US = Date.now() * 1000;
const FAST = "aaaaaaaaaaaaaaaa1111111111111111"; // reviews took 40 ms, started 60 s ago
const SLOW = "bbbbbbbbbbbbbbbb2222222222222222"; // reviews took 200 ms, started 30 s ago
const SOLO = "cccccccccccccccc3333333333333333"; // a lone productpage span, 10 s ago
const MISSING = "dddddddddddddddd4444444444444444";

let jaeger: RunningJaegerQuery;

beforeAll(async () => {
  const store = new SpanStore();
  store.addTrace(bookinfoTrace(FAST, NOW_US - 60e6, 40_000));
  store.addTrace(bookinfoTrace(SLOW, NOW_US - 30e6, 200_000));
  store.addTrace([simSpan({ traceId: SOLO, startTimeUs: NOW_US - 10e6, durationUs: 3_000, tags: { "http.method": "POST" } })]);
  jaeger = await startJaegerQuery({ store, port: 0 });
});

afterAll(async () => {
  await jaeger.close();
});

async function get(path: string): Promise<{ status: number; type: string | null; text: string; json: () => unknown }> {
  const res = await fetch(`${jaeger.url}${path}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), text, json: () => JSON.parse(text) };
}

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();
/** What the tests read from the answers, parsed rather than trusted. */
const v1Traces = z.object({
  data: z.array(
    z.object({
      traceID: z.string(),
      spans: z.array(z.object({ references: z.array(z.object({ refType: z.string() })) })),
      processes: z.record(z.string(), z.unknown()),
    }),
  ),
  errors: z.array(z.object({ code: z.number().optional(), msg: z.string(), traceID: z.string().optional() })).nullable(),
});
const v1List = z.object({ data: z.array(z.unknown()) });
const v3Traces = z.object({
  result: z.object({ resourceSpans: z.array(z.object({ scopeSpans: z.array(z.object({ spans: z.array(z.object({ traceId: z.string() })) })) })) }),
});
const v3Summaries = z.object({
  summaries: z.array(z.object({ traceId: z.string(), rootServiceName: z.string(), spanCount: z.number().optional(), errorSpanCount: z.number().optional() })),
});

const traceIds = (body: unknown) => v1Traces.parse(body).data.map((t) => t.traceID);
const v3Spans = (body: unknown) => v3Traces.parse(body).result.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));

describe("v1 /api", () => {
  it("lists services in the envelope", async () => {
    const res = await get("/api/services");
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json");
    expect(res.json()).toEqual({
      data: ["istio-ingressgateway.istio-system", "productpage.bookinfo", "reviews.bookinfo"],
      total: 3,
      limit: 0,
      offset: 0,
      errors: null,
    });
  });

  it("lists operation names per service (legacy path) and typed operations with spanKind", async () => {
    expect((await get("/api/services/reviews.bookinfo/operations")).json()).toMatchObject({
      data: ["reviews.bookinfo.svc.cluster.local:9080/*"],
      total: 1,
    });
    expect((await get("/api/services/unknown.ns/operations")).json()).toMatchObject({ data: null, total: 0 });
    const typed = (await get(`/api/operations?${qs({ service: "productpage.bookinfo", spanKind: "client" })}`)).json();
    expect(typed).toEqual({
      data: [{ name: "reviews.bookinfo.svc.cluster.local:9080/*", spanKind: "client" }],
      total: 1,
      limit: 0,
      offset: 0,
      errors: null,
    });
    const all = v1List.parse((await get("/api/operations?service=productpage.bookinfo")).json());
    expect(all.data).toHaveLength(2);
  });

  it("requires a service for /api/operations, with Jaeger's error envelope", async () => {
    const res = await get("/api/operations");
    expect(res.status).toBe(400);
    expect(res.type).toBe("text/plain; charset=utf-8");
    expect(res.json()).toEqual({
      data: null,
      total: 0,
      limit: 0,
      offset: 0,
      errors: [{ code: 400, msg: "parameter 'service' is required" }],
    });
  });

  it("searches by service, newest first, within start/end", async () => {
    const body = (await get(`/api/traces?service=productpage.bookinfo`)).json();
    expect(traceIds(body)).toEqual([SOLO, SLOW, FAST]);
    expect(body).toMatchObject({ total: 0, limit: 0, offset: 0, errors: null });
    const windowed = (await get(`/api/traces?${qs({ service: "productpage.bookinfo", start: String(NOW_US - 45e6), end: String(NOW_US - 20e6), lookback: "1h" })}`)).json();
    expect(traceIds(windowed)).toEqual([SLOW]);
  });

  it("searches by operation, by tags (JSON and key:value) and by duration", async () => {
    const byOp = (await get(`/api/traces?${qs({ service: "productpage.bookinfo", operation: "reviews.bookinfo.svc.cluster.local:9080/*" })}`)).json();
    expect(traceIds(byOp)).toEqual([SLOW, FAST]);
    const byTags = (await get(`/api/traces?${qs({ service: "productpage.bookinfo", tags: JSON.stringify({ "http.method": "POST" }) })}`)).json();
    expect(traceIds(byTags)).toEqual([SOLO]);
    const byError = (await get(`/api/traces?${qs({ service: "reviews.bookinfo", tag: "error:true" })}`)).json();
    expect(traceIds(byError)).toEqual([SLOW, FAST]);
    const slow = (await get(`/api/traces?${qs({ service: "reviews.bookinfo", minDuration: "100ms" })}`)).json();
    expect(traceIds(slow)).toEqual([SLOW]);
    const fast = (await get(`/api/traces?${qs({ service: "reviews.bookinfo", maxDuration: "0.1s" })}`)).json();
    expect(traceIds(fast)).toEqual([FAST]);
  });

  it("honours limit", async () => {
    const body = (await get(`/api/traces?${qs({ service: "productpage.bookinfo", limit: "1" })}`)).json();
    expect(traceIds(body)).toEqual([SOLO]);
  });

  it("returns whole traces in the v1 model", async () => {
    const body = v1Traces.parse((await get(`/api/traces/${SLOW}`)).json());
    expect(body.errors).toBeNull();
    expect(body.data).toHaveLength(1);
    const trace = body.data[0]!;
    expect(trace.traceID).toBe(SLOW);
    expect(trace.spans).toHaveLength(4);
    expect(Object.keys(trace.processes)).toEqual(["p1", "p2", "p3"]);
    expect(trace.spans[3]!.references[0]!.refType).toBe("CHILD_OF");
    expect(traceIds((await get(`/api/traces/${SLOW.toUpperCase()}`)).json())).toEqual([SLOW]);
  });

  it("answers a missing trace with 404 and a bad ID with 400", async () => {
    const missing = await get(`/api/traces/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n');
    const bad = await get("/api/traces/not-hex");
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({
      data: null,
      total: 0,
      limit: 0,
      offset: 0,
      errors: [{ code: 400, msg: 'strconv.ParseUint: parsing "not-hex": invalid syntax' }],
    });
  });

  it("looks traces up by traceID parameters, reporting the missing ones in errors", async () => {
    const body = (await get(`/api/traces?traceID=${FAST}&traceID=${MISSING}`)).json();
    expect(traceIds(body)).toEqual([FAST]);
    expect(v1Traces.parse(body).errors).toEqual([{ msg: "trace not found", traceID: MISSING }]);
  });

  it.each([
    [{ service: "reviews.bookinfo", minDuration: "abc" }, `unable to parse param 'minDuration': time: invalid duration "abc"`],
    [{ service: "reviews.bookinfo", maxDuration: "10" }, `unable to parse param 'maxDuration': time: missing unit in duration "10"`],
    [{ service: "reviews.bookinfo", minDuration: "2s", maxDuration: "1s" }, "'maxDuration' should be greater than 'minDuration'"],
    [{ service: "reviews.bookinfo", limit: "ten" }, 'strconv.ParseInt: parsing "ten": invalid syntax'],
    [{ service: "reviews.bookinfo", start: "yesterday" }, `unable to parse param 'start': strconv.ParseInt: parsing "yesterday": invalid syntax`],
    [{ service: "reviews.bookinfo", tag: "novalue" }, "malformed 'tag' parameter, expecting key:value, received: novalue"],
    [{ service: "reviews.bookinfo", tags: '{"a":1}' }, "malformed 'tags' parameter, cannot unmarshal JSON: json: cannot unmarshal number into Go value of type string"],
    [{}, "parameter 'service' is required"],
  ])("rejects %j with 400: %s", async (params, msg) => {
    const res = await get(`/api/traces?${qs(params)}`);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg }] });
  });

  it("answers unknown paths and methods like Go's routers", async () => {
    const res = await get("/api/nothing");
    expect([res.status, res.text]).toEqual([404, "404 page not found\n"]);
    const post = await fetch(`${jaeger.url}/api/services`, { method: "POST" });
    expect(post.status).toBe(405);
  });
});

describe("v3 /api/v3", () => {
  const window = { "query.start_time_min": new Date(NOW_US / 1000 - 3600e3).toISOString(), "query.start_time_max": new Date(NOW_US / 1000 + 60e3).toISOString() };

  it("lists services as GetServices does", async () => {
    const body = (await get("/api/v3/services")).json();
    expect(shapeMismatches(body, inferShape(getServicesFixture))).toEqual([]);
    expect(body).toEqual({ services: ["istio-ingressgateway.istio-system", "productpage.bookinfo", "reviews.bookinfo"] });
  });

  it("lists operations with span kinds as GetOperations does (span_kind and spanKind)", async () => {
    const body = (await get("/api/v3/operations?service=reviews.bookinfo&span_kind=server")).json();
    expect(shapeMismatches(body, inferShape(getOperationsFixture))).toEqual([]);
    expect(body).toEqual({ operations: [{ name: "reviews.bookinfo.svc.cluster.local:9080/*", spanKind: "server" }] });
    expect((await get("/api/v3/operations?service=reviews.bookinfo&spanKind=client")).json()).toEqual({ operations: [] });
  });

  it("gets a trace by ID in OTLP JSON with the snapshot's structure", async () => {
    const res = await get(`/api/v3/traces/${FAST}`);
    expect(res.status).toBe(200);
    const body = res.json();
    const shape = inferShape(getTraceFixture, OTLP_SHAPE_OPTIONS);
    expect(shapeMismatches(body, shape)).toEqual([]);
    const spans = v3Spans(body);
    expect(spans).toHaveLength(4);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([FAST]));
  });

  it("answers missing and malformed trace IDs like the gateway", async () => {
    const missing = await get(`/api/v3/traces/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('{"error":{"httpCode":404,"message":"No traces found"}}\n');
    const bad = await get("/api/v3/traces/xyz");
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ error: { httpCode: 400, message: 'malformed parameter trace_id: strconv.ParseUint: parsing "xyz": invalid syntax' } });
  });

  it("finds traces by service, operation, attributes, duration and depth", async () => {
    const found = async (params: Record<string, string>) => {
      const body = (await get(`/api/v3/traces?${qs({ ...window, ...params })}`)).json();
      return [...new Set(v3Spans(body).map((s) => s.traceId))];
    };
    expect(await found({ "query.service_name": "productpage.bookinfo" })).toEqual([SOLO, SLOW, FAST]);
    expect(await found({ "query.serviceName": "productpage.bookinfo", "query.operationName": "reviews.bookinfo.svc.cluster.local:9080/*" })).toEqual([SLOW, FAST]);
    expect(await found({ "query.service_name": "productpage.bookinfo", "query.attributes": JSON.stringify({ "http.method": "POST" }) })).toEqual([SOLO]);
    expect(await found({ "query.service_name": "reviews.bookinfo", "query.duration_min": "100ms" })).toEqual([SLOW]);
    expect(await found({ "query.service_name": "reviews.bookinfo", "query.duration_max": "100ms" })).toEqual([FAST]);
    expect(await found({ "query.service_name": "productpage.bookinfo", "query.num_traces": "2" })).toEqual([SOLO, SLOW]);
  });

  it("honours the time window and answers an empty search with 404", async () => {
    const res = await get(`/api/v3/traces?${qs({ "query.service_name": "reviews.bookinfo", "query.start_time_min": "2001-01-01T00:00:00Z", "query.start_time_max": "2001-01-02T00:00:00Z" })}`);
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error: { httpCode: 404, message: "No traces found" } });
  });

  it.each([
    ["no time window", { "query.service_name": "reviews.bookinfo" }, 400, "min and max start time are required"],
    ["a bad duration", { ...window, "query.service_name": "reviews.bookinfo", "query.duration_min": "abc" }, 400, 'malformed parameter query.duration_min: time: invalid duration "abc"'],
    ["an unknown unit", { ...window, "query.service_name": "reviews.bookinfo", "query.durationMax": "5 s" }, 400, 'malformed parameter query.durationMax: time: unknown unit " s" in duration "5 s"'],
    ["a negative depth", { ...window, "query.service_name": "reviews.bookinfo", "query.num_traces": "-1" }, 400, 'malformed parameter query.num_traces: strconv.ParseUint: parsing "-1": invalid syntax'],
    ["a bad time", { ...window, "query.service_name": "reviews.bookinfo", "query.start_time_min": "today" }, 400, 'malformed parameter query.start_time_min: parsing time "today" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "today" as "2006"'],
    ["no service", { ...window }, 501, "this trace storage requires a service name to search for traces"],
  ])("rejects a search with %s", async (_case, params: Record<string, string>, status, message) => {
    const res = await get(`/api/v3/traces?${qs(params)}`);
    expect(res.status).toBe(status);
    expect(res.json()).toEqual({ error: { httpCode: status, message } });
  });

  it("summarises found traces", async () => {
    const body = v3Summaries.parse((await get(`/api/v3/trace-summaries?${qs({ ...window, "query.service_name": "reviews.bookinfo" })}`)).json());
    expect(body.summaries.map((s) => [s.traceId, s.rootServiceName, s.spanCount, s.errorSpanCount])).toEqual([
      [SLOW, "istio-ingressgateway.istio-system", 4, 2],
      [FAST, "istio-ingressgateway.istio-system", 4, 2],
    ]);
  });
});

describe("startJaegerQuery", () => {
  it("frees its port on close, even with a keep-alive connection open", async () => {
    const own = await startJaegerQuery({ store: new SpanStore(), port: 0 });
    const res = await fetch(`${own.url}/api/services`, { headers: { connection: "keep-alive" } });
    expect(await res.json()).toMatchObject({ data: null, total: 0 });
    const port = Number(new URL(own.url).port);
    await own.close();
    const again = await startJaegerQuery({ store: new SpanStore(), port });
    expect(again.url).toBe(own.url);
    await again.close();
  });
});
