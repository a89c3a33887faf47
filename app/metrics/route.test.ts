import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as healthz } from "../api/healthz/route";
import { GET as workloads } from "../api/workloads/route";
import { GET as metrics } from "./route";

describe("GET /metrics", () => {
  it("exports request durations per route and status in the Prometheus format", async () => {
    expect((await healthz(new NextRequest("http://localhost/api/healthz"), undefined)).status).toBe(200);
    expect((await workloads(new NextRequest("http://localhost/api/workloads"), undefined)).status).toBe(422);

    const res = await metrics(new NextRequest("http://localhost/metrics"), undefined);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/meshscope_http_request_duration_seconds_count\{route="\/api\/healthz",method="GET",status="200"\} 1/);
    expect(text).toMatch(/meshscope_http_request_duration_seconds_count\{route="\/api\/workloads",method="GET",status="422"\} 1/);
    expect(text).toContain("# TYPE meshscope_upstream_request_duration_seconds histogram");
    expect(text).toContain("# TYPE meshscope_upstream_errors_total counter");
  });
});
