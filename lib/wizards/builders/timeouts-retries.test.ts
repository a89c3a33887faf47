import { describe, expect, it } from "vitest";
import { buildFrom, ok, REVIEWS_VS, snapshot, validateAll } from "./fixtures";
import { toIstioDuration } from "./routes";

type Http = Array<Record<string, unknown>>;
const httpOf = (r: ReturnType<typeof ok>) => ((r.changes[0]?.desired as { spec?: { http?: Http } }).spec?.http ?? []) as Http;

describe("durations", () => {
  it("are written in seconds, as Istio's protobuf Duration wants them", () => {
    expect(toIstioDuration("500ms")).toBe("0.5s");
    expect(toIstioDuration("1.1s")).toBe("1.1s");
    expect(toIstioDuration("2m")).toBe("120s");
    expect(toIstioDuration("1h")).toBe("3600s");
    expect(toIstioDuration("0.001ms")).toBe("0.000001s");
  });
});

describe("timeouts and retries builder", () => {
  it("sets timeout and retries on every route, in Istio's syntax", () => {
    const r = ok(buildFrom("timeouts-retries", snapshot({ virtualServices: [REVIEWS_VS] }), { timeout: "3s", retries: { attempts: 3, perTryTimeout: "500ms", retryOn: ["5xx", "reset"] } }));
    validateAll(r);
    for (const h of httpOf(r)) {
      expect(h["timeout"]).toBe("3s");
      expect(h["retries"]).toEqual({ attempts: 3, perTryTimeout: "0.5s", retryOn: "5xx,reset" });
    }
  });

  it("warns when the timeout ends the request before the retries could run", () => {
    const short = ok(buildFrom("timeouts-retries", snapshot(), { timeout: "1s", retries: { attempts: 3, perTryTimeout: "500ms" } }));
    expect(short.warnings.map((w) => w.code)).toEqual(["retries-cut-short"]);
    const fits = ok(buildFrom("timeouts-retries", snapshot(), { timeout: "2s", retries: { attempts: 3, perTryTimeout: "500ms" } }));
    expect(fits.warnings).toEqual([]);
  });

  it("removes what the input leaves out (back to Istio's defaults)", () => {
    const current = { ...REVIEWS_VS, spec: { hosts: ["reviews"], http: [{ timeout: "9s", retries: { attempts: 5 }, route: [{ destination: { host: "reviews" } }] }] } };
    const r = ok(buildFrom("timeouts-retries", snapshot({ virtualServices: [current] }), { retries: { attempts: 0 } }));
    expect(httpOf(r)).toEqual([{ route: [{ destination: { host: "reviews" } }], retries: { attempts: 0 } }]);
  });

  it("refuses unknown retry conditions and bad attempts", () => {
    expect(() => buildFrom("timeouts-retries", snapshot(), { retries: { attempts: 2, retryOn: ["sometimes"] } })).toThrow();
    expect(() => buildFrom("timeouts-retries", snapshot(), { retries: { attempts: 1.5 } })).toThrow(/whole number/);
    expect(() => buildFrom("timeouts-retries", snapshot(), {})).toThrow(/timeout, retries or both/);
  });
});
