import { describe, expect, it } from "vitest";
import { durationMs, parseViewState, refreshMs, withViewState } from "./url-state";

describe("view state in the URL", () => {
  it("reads namespaces, window and refresh", () => {
    const s = parseViewState(new URLSearchParams("namespaces=shop,bookinfo,shop&window=1h&refresh=10s"));
    expect(s).toEqual({ namespaces: ["bookinfo", "shop"], window: "1h", refresh: "10s" });
  });

  it("falls back to defaults for unknown values and drops malformed namespaces", () => {
    const s = parseViewState(new URLSearchParams("namespaces=Bad_NS,,ok&window=7m&refresh=1s"));
    expect(s).toEqual({ namespaces: ["ok"], window: "5m", refresh: "30s" });
  });

  it("writes changes, keeps other params, and leaves defaults out", () => {
    const next = withViewState(new URLSearchParams("find=rps>1&window=1h"), { namespaces: ["b", "a"], window: "5m", refresh: "off" });
    expect(next.get("namespaces")).toBe("a,b");
    expect(next.has("window")).toBe(false);
    expect(next.get("refresh")).toBe("off");
    expect(next.get("find")).toBe("rps>1");
    expect(withViewState(next, { namespaces: [] }).has("namespaces")).toBe(false);
  });

  it("converts durations", () => {
    expect(durationMs("1d")).toBe(86_400_000);
    expect(durationMs("10m")).toBe(600_000);
    expect(refreshMs("off")).toBe(false);
    expect(refreshMs("15s")).toBe(15_000);
  });
});
