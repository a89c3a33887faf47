import type { ShapeOptions } from "./json-shape";

const SPAN = "$.result.resourceSpans[].scopeSpans[].spans[]";

/**
 * How to hold an OTLP answer to Jaeger's v3 snapshots (for tests). The snapshots' span has zero
 * times, no parent and no attributes, which proto3 JSON leaves out; those keys are optional here
 * with their OTLP JSON types (the older snapshot cmd/query/app/apiv3/snapshots/GetTrace.json still
 * shows start/end times as strings). The snapshots carry no attributes, so the KeyValue/AnyValue
 * form is pinned by value tests instead.
 */
export const OTLP_SHAPE_OPTIONS: ShapeOptions = {
  optionalKeys: {
    "$.result.resourceSpans[].resource": { attributes: "array" },
    [SPAN]: { parentSpanId: "string", startTimeUnixNano: "string", endTimeUnixNano: "string", attributes: "array" },
    [`${SPAN}.status`]: { code: "number" },
  },
  unchecked: ["$.result.resourceSpans[].resource.attributes", `${SPAN}.attributes`],
};
