import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getApps } from "../apps/route";
import { GET as getAppDetail } from "../apps/[ns]/[name]/route";
import { GET as getEvents } from "../events/route";
import { GET as getLogs } from "../logs/route";
import { GET as getMetrics } from "../metrics/route";
import { GET as getServices } from "../services/route";
import { GET as getServiceDetail } from "../services/[ns]/[name]/route";
import { GET as getWorkloads } from "../workloads/route";
import { GET as getWorkloadDetail } from "../workloads/[ns]/[name]/route";
import { GET as getOverview } from "./route";

const req = (path: string) => new NextRequest(`http://localhost${path}`);
const ctx = (ns: string, name: string) => ({ params: Promise.resolve({ ns, name }) });

async function issues(res: Response | Promise<Response>): Promise<string[]> {
  const r = await res;
  expect(r.status).toBe(422);
  const body = (await r.json()) as { issues: Array<{ path: string; message: string }> };
  return body.issues.map((i) => `${i.path}: ${i.message}`);
}

// Every case is refused before any upstream is touched: no cluster or Prometheus is needed here.
describe("inventory routes refuse bad parameters with 422 naming the field", () => {
  it("overview: window must be one the console offers; namespaces must be DNS labels", async () => {
    expect((await issues(getOverview(req("/api/overview?window=7m"), undefined)))[0]).toMatch(/^window: /);
    expect((await issues(getOverview(req("/api/overview?namespaces=ok,NOT_OK"), undefined)))[0]).toMatch(/^namespaces\.1: .*DNS-1123/);
  });

  it("lists: namespaces are required, windows checked", async () => {
    for (const get of [getWorkloads, getApps, getServices]) {
      expect((await issues(get(req("/api/x"), undefined)))[0]).toMatch(/^namespaces: /);
      expect((await issues(get(req("/api/x?namespaces=a&window=2d"), undefined)))[0]).toMatch(/^window: /);
    }
  });

  it("details: path parameters and window", async () => {
    expect((await issues(getWorkloadDetail(req("/api/workloads/A_B/x"), ctx("A_B", "x"))))[0]).toMatch(/^ns: /);
    expect((await issues(getAppDetail(req("/api/apps/ns/-x"), ctx("ns", "-x"))))[0]).toMatch(/^name: /);
    expect((await issues(getServiceDetail(req("/api/services/ns/x?window=forever"), ctx("ns", "x"))))[0]).toMatch(/^window: /);
  });

  it("metrics: kind, split and direction are enums; namespace and name required", async () => {
    const all = await issues(getMetrics(req("/api/metrics?kind=pod&split=host&direction=up"), undefined));
    expect(all.map((i) => i.split(":")[0]).sort()).toEqual(["direction", "kind", "name", "namespace", "split"]);
  });

  it("logs: container, tail and follow are checked", async () => {
    const all = await issues(getLogs(req("/api/logs?namespace=bookinfo&pod=p&tailLines=-1&follow=maybe"), undefined));
    expect(all.map((i) => i.split(":")[0]).sort()).toEqual(["container", "follow", "tailLines"]);
  });

  it("events: namespaces, when given, must be DNS labels", async () => {
    expect((await issues(getEvents(req("/api/events?namespaces=a,B"), undefined)))[0]).toMatch(/^namespaces\.1: /);
  });
});
