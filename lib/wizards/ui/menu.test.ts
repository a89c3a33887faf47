import { describe, expect, it } from "vitest";
import { wizardEntries } from "./menu";

describe("wizardEntries", () => {
  it("offers a service's routing wizards", () => {
    const e = wizardEntries({ namespace: "bookinfo", service: "reviews" });
    expect(e.map((x) => x.wizard)).toEqual(["traffic-shifting", "request-routing", "fault-injection", "timeouts-retries", "remove-routing"]);
    expect(e[0]?.href).toBe("/wizards/traffic-shifting?namespace=bookinfo&service=reviews");
  });
  it("offers a workload's mTLS and authorization, or the namespace's without one", () => {
    expect(wizardEntries({ namespace: "bookinfo", workload: "reviews-v1" }).map((x) => x.href)).toEqual([
      "/wizards/mtls?namespace=bookinfo&workload=reviews-v1",
      "/wizards/authorization?namespace=bookinfo&workload=reviews-v1",
    ]);
    expect(wizardEntries({ namespace: "bookinfo" }).map((x) => x.title)).toEqual(["mTLS", "Authorization"]);
    expect(wizardEntries({ namespace: "bookinfo", service: "reviews", workload: "reviews-v1" })).toHaveLength(7);
  });
});
