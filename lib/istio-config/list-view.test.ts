import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/validation";
import { arrangeItems, countLevels, DEFAULT_LIST_VIEW, parseListView, withListView, worstLevel } from "./list-view";
import type { IstioConfigItem } from "./schemas";

const f = (severity: Finding["severity"], code = "X001"): Finding => ({ code, severity, message: "m", path: "spec", object: { kind: "VirtualService", namespace: "a", name: "b" } });
const item = (key: IstioConfigItem["key"], kind: string, namespace: string, name: string, findings: Finding[] = []): IstioConfigItem => ({ key, kind, apiVersion: "x/v1", namespace, name, findings });

const ITEMS = [
  item("virtualservices", "VirtualService", "bookinfo", "reviews", [f("warning"), f("warning")]),
  item("virtualservices", "VirtualService", "bookinfo", "ratings", [f("error"), f("info")]),
  item("destinationrules", "DestinationRule", "bookinfo", "reviews"),
  item("gateways", "Gateway", "istio-system", "ingress", [f("warning")]),
  item("peerauthentications", "PeerAuthentication", "shop", "default", [f("info")]),
];
const names = (rows: IstioConfigItem[]) => rows.map((r) => `${r.key}/${r.name}`);

describe("list view state in the URL", () => {
  it("round-trips, keeping other parameters and leaving defaults out", () => {
    const params = withListView(new URLSearchParams("namespaces=bookinfo"), { kinds: ["gateways", "virtualservices"], levels: ["error", "none"], text: "rev", sort: "name", descending: true });
    expect(params.toString()).toBe("namespaces=bookinfo&kinds=gateways%2Cvirtualservices&severity=error%2Cnone&q=rev&sort=name&desc=1");
    expect(parseListView(params)).toEqual({ kinds: ["virtualservices", "gateways"], levels: ["error", "none"], text: "rev", sort: "name", descending: true });
    expect(withListView(params, DEFAULT_LIST_VIEW).toString()).toBe("namespaces=bookinfo");
  });

  it("ignores unknown kinds, severities and sort columns", () => {
    expect(parseListView(new URLSearchParams("kinds=pods,gateways&severity=fatal&sort=age"))).toEqual({ ...DEFAULT_LIST_VIEW, kinds: ["gateways"] });
  });
});

describe("arrangeItems", () => {
  it("sorts worst findings first by default, more of the same severity first", () => {
    expect(names(arrangeItems(ITEMS, DEFAULT_LIST_VIEW))).toEqual([
      "virtualservices/ratings",
      "virtualservices/reviews",
      "gateways/ingress",
      "peerauthentications/default",
      "destinationrules/reviews",
    ]);
  });

  it("filters by kind, by worst severity (none included) and by name", () => {
    expect(names(arrangeItems(ITEMS, { ...DEFAULT_LIST_VIEW, kinds: ["virtualservices"] }))).toEqual(["virtualservices/ratings", "virtualservices/reviews"]);
    expect(names(arrangeItems(ITEMS, { ...DEFAULT_LIST_VIEW, levels: ["warning", "none"], sort: "name" }))).toEqual(["gateways/ingress", "destinationrules/reviews", "virtualservices/reviews"]);
    expect(names(arrangeItems(ITEMS, { ...DEFAULT_LIST_VIEW, text: "REV", sort: "kind", descending: true }))).toEqual(["virtualservices/reviews", "destinationrules/reviews"]);
  });

  it("counts and ranks severities", () => {
    expect(worstLevel([f("info"), f("error")])).toBe("error");
    expect(worstLevel([])).toBe("none");
    expect(countLevels([f("info"), f("warning"), f("warning")])).toEqual({ error: 0, warning: 2, info: 1 });
  });
});
