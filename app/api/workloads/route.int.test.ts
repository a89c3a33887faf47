import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { workloadsResponse } from "@/lib/api/schemas";
import { GET } from "./route";

describe("GET /api/workloads on the demo mesh", () => {
  it("lists Bookinfo's workloads with ready pods and sidecars", async () => {
    const res = await GET(new NextRequest("http://localhost/api/workloads?namespaces=bookinfo"), undefined);
    expect(res.status).toBe(200);
    const { workloads } = workloadsResponse.parse(await res.json());
    const names = workloads.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["productpage-v1", "details-v1", "reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1"]));
    for (const w of workloads) {
      expect(w.namespace).toBe("bookinfo");
      expect(w.sidecar).toBe("present");
      expect(w.podsReady).toBeGreaterThan(0);
    }
  });

  it("shows the namespace without sidecars as missing them", async () => {
    const res = await GET(new NextRequest("http://localhost/api/workloads?namespaces=legacy"), undefined);
    const { workloads } = workloadsResponse.parse(await res.json());
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) expect(w.sidecar).toBe("missing");
  });
});
