import { describe, expect, it } from "vitest";
import { buildFrom, ok, REVIEWS_VS, snapshot, validateAll } from "./fixtures";

const FQDN = "reviews.bookinfo.svc.cluster.local";
type Http = Array<Record<string, unknown>>;
const httpOf = (r: ReturnType<typeof ok>) => ((r.changes[0]?.desired as { spec?: { http?: Http } }).spec?.http ?? []) as Http;

describe("fault injection builder", () => {
  it("puts the fault on every current route, keeping the routes", () => {
    const r = ok(buildFrom("fault-injection", snapshot({ virtualServices: [REVIEWS_VS] }), { delay: { fixedDelay: "1500ms", percentage: 10 }, abort: { httpStatus: 503, percentage: 2.5 } }));
    validateAll(r);
    expect(r.changes.map((c) => c.action)).toEqual(["update"]);
    const http = httpOf(r);
    expect(http).toHaveLength(2);
    for (const h of http) expect(h["fault"]).toEqual({ delay: { fixedDelay: "1.5s", percentage: { value: 10 } }, abort: { httpStatus: 503, percentage: { value: 2.5 } } });
    expect(http[0]?.["match"]).toEqual([{ headers: { "end-user": { exact: "jason" } } }]);
  });

  it("creates a VirtualService with one route to the host when there is none", () => {
    const r = ok(buildFrom("fault-injection", snapshot(), { abort: { httpStatus: 500, percentage: 100 } }));
    validateAll(r);
    expect(r.changes[0]?.action).toBe("create");
    expect(httpOf(r)).toEqual([{ route: [{ destination: { host: FQDN } }], fault: { abort: { httpStatus: 500, percentage: { value: 100 } } } }]);
  });

  it("replaces a previous fault entirely (a delay alone removes the abort)", () => {
    const first = ok(buildFrom("fault-injection", snapshot(), { abort: { httpStatus: 500, percentage: 100 } }));
    const written = { ...first.changes[0]!.desired!, metadata: { ...first.changes[0]!.desired!.metadata, resourceVersion: "7" } };
    const r = ok(buildFrom("fault-injection", snapshot({ virtualServices: [written as typeof REVIEWS_VS] }), { delay: { fixedDelay: "1s", percentage: 50 } }));
    expect(httpOf(r)[0]?.["fault"]).toEqual({ delay: { fixedDelay: "1s", percentage: { value: 50 } } });
  });

  it("refuses bad durations, percentages and statuses, and an empty fault", () => {
    expect(() => buildFrom("fault-injection", snapshot(), { delay: { fixedDelay: "5 seconds", percentage: 10 } })).toThrow(/duration/);
    expect(() => buildFrom("fault-injection", snapshot(), { delay: { fixedDelay: "0s", percentage: 10 } })).toThrow(/longer than 0/);
    expect(() => buildFrom("fault-injection", snapshot(), { abort: { httpStatus: 503, percentage: 101 } })).toThrow(/at most 100/);
    expect(() => buildFrom("fault-injection", snapshot(), { abort: { httpStatus: 99, percentage: 1 } })).toThrow(/HTTP status/);
    expect(() => buildFrom("fault-injection", snapshot(), {})).toThrow(/delay, an abort or both/);
  });
});

