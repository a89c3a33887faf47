import { describe, expect, it } from "vitest";
import { countedRecords, destinationReported, neverReachedDestination } from "./counting";
import { istioLabels, wl, svc, type Call } from "./fixtures/istio-series";
import { toRecord, type TelemetryRecord } from "./telemetry";

const productpage = wl("bookinfo", "productpage-v1", "productpage", "v1");
const reviews = wl("bookinfo", "reviews-v1", "reviews", "v1");
const legacyApi = wl("legacy", "legacy-api-v1", "legacy-api", "v1");

function rec(c: Call, reporter: "source" | "destination", value = c.rate): TelemetryRecord {
  const r = toRecord({ metric: istioLabels(c, reporter), value });
  if (!r) throw new Error("not a record");
  return r;
}

const sum = (rs: TelemetryRecord[]) => rs.reduce((s, r) => s + r.value, 0);

describe("the counting rule", () => {
  const call: Call = { from: productpage, to: reviews, via: svc("bookinfo", "reviews"), rate: 5 };

  it("counts a request both proxies reported once, from the destination", () => {
    const records = [rec(call, "source"), rec(call, "destination")];
    const counted = countedRecords(records, destinationReported(records));
    expect(counted.map((r) => r.reporter)).toEqual(["destination"]);
    expect(sum(counted)).toBe(5);
  });

  it("counts the source's report when the destination has no proxy", () => {
    const noSidecar: Call = { from: productpage, to: legacyApi, via: svc("legacy", "legacy-api"), rate: 3 };
    const records = [rec(noSidecar, "source"), rec(call, "source"), rec(call, "destination")];
    const counted = countedRecords(records, destinationReported(records));
    expect(sum(counted)).toBe(8);
    expect(counted.find((r) => r.destination.workload === "legacy-api-v1")?.reporter).toBe("source");
  });

  it("counts the source's report for hosts without a workload (ServiceEntry, unknown)", () => {
    const external: Call = { from: productpage, to: "unknown", via: { namespace: "bookinfo", name: "api.example.com" }, rate: 2 };
    const records = [rec(external, "source")];
    expect(countedRecords(records, destinationReported(records))).toHaveLength(1);
  });

  it("adds source reports of requests that never reached the destination proxy", () => {
    const failed: Call = { ...call, rate: 0.5, code: "503", flags: "UF,URX" };
    const timedOut: Call = { ...call, rate: 0.2, code: "504", flags: "UT" };
    const records = [rec(call, "source"), rec(call, "destination"), rec(failed, "source"), rec(timedOut, "source")];
    const counted = countedRecords(records, destinationReported(records));
    // The UF failure no destination saw is added; the timeout (the destination saw the request) is not.
    expect(sum(counted)).toBeCloseTo(5.5, 10);
    expect(counted.filter((r) => r.reporter === "source").map((r) => r.flags)).toEqual(["UF,URX"]);
  });

  it("prefers the reporter that saw traffic when one side is idle, the destination on a tie", () => {
    // The workload lost its sidecar: its destination series linger at zero while callers report traffic.
    const lingering = [rec(call, "destination", 0), rec(call, "source", 4)];
    expect(sum(countedRecords(lingering, destinationReported(lingering)))).toBe(4);
    const idle = [rec(call, "destination", 0), rec(call, "source", 0)];
    expect(countedRecords(idle, destinationReported(idle)).map((r) => r.reporter)).toEqual(["destination"]);
  });

  it("recognises the flags that mean no upstream was reached", () => {
    for (const f of ["UF", "UH", "UO", "NR", "FI", "RL", "UF,URX"]) expect(neverReachedDestination(f)).toBe(true);
    for (const f of ["-", "UT", "DC", "URX", "UC"]) expect(neverReachedDestination(f)).toBe(false);
  });
});
