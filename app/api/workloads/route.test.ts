import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/workloads", () => {
  it("refuses a missing namespaces parameter with 422 naming the field", async () => {
    const res = await GET(new NextRequest("http://localhost/api/workloads"), undefined);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.issues[0].path).toBe("namespaces");
  });

  it("refuses a malformed namespace with 422", async () => {
    const res = await GET(new NextRequest("http://localhost/api/workloads?namespaces=ok,Not_OK"), undefined);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/DNS-1123/);
  });
});
