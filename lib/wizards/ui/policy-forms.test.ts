import { describe, expect, it } from "vitest";
import { faultInjectionInput, timeoutsRetriesInput } from "../inputs";
import { errorAt, schemaFieldErrors } from "./issues";
import { faultInput, initialFault, initialTimeouts, timeoutsInput } from "./policy-forms";

describe("fault injection form", () => {
  it("sends only the ticked parts, numbers parsed", () => {
    const d = initialFault();
    expect(faultInput(d)).toEqual({ delay: { fixedDelay: "5s", percentage: 10 } });
    const both = { delay: { ...d.delay, fixedDelay: " 1.5s " }, abort: { enabled: true, httpStatus: "503", percentage: "12.5" } };
    expect(faultInput(both)).toEqual({ delay: { fixedDelay: "1.5s", percentage: 10 }, abort: { httpStatus: 503, percentage: 12.5 } });
    expect(faultInjectionInput.safeParse(faultInput(both)).success).toBe(true);
  });
  it("names the bad field", () => {
    const bad = { delay: { enabled: true, fixedDelay: "5 seconds", percentage: "101" }, abort: { enabled: true, httpStatus: "", percentage: "5" } };
    const e = schemaFieldErrors(faultInjectionInput, faultInput(bad));
    expect(errorAt(e, "delay.fixedDelay")).toBe("must be a duration such as 500ms, 2s or 1m");
    expect(e["delay.percentage"]).toEqual(["must be at most 100"]);
    expect(e["abort.httpStatus"]).toEqual(["must be a number"]);
    expect(schemaFieldErrors(faultInjectionInput, faultInput({ ...bad, delay: { ...bad.delay, enabled: false }, abort: { ...bad.abort, enabled: false } }))[""]).toBeDefined();
  });
});

describe("timeouts and retries form", () => {
  it("leaves out an empty per-try timeout and validates the rest", () => {
    const d = initialTimeouts();
    const input = timeoutsInput(d);
    expect(input.timeout).toBe("10s");
    expect(input.retries?.perTryTimeout).toBeUndefined();
    expect(input.retries?.attempts).toBe(2);
    expect(timeoutsRetriesInput.safeParse(input).success).toBe(true);
    const e = schemaFieldErrors(timeoutsRetriesInput, timeoutsInput({ timeout: { enabled: true, value: "0s" }, retries: { ...d.retries, attempts: "2.5", perTryTimeout: "x" } }));
    expect(e.timeout).toEqual(["must be longer than 0"]);
    expect(e["retries.attempts"]).toEqual(["must be a whole number"]);
    expect(e["retries.perTryTimeout"]).toBeDefined();
  });
});
