import { describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import { logTimestamp, parseLogQuery, resolveContainer, selectLines } from "./pod-logs";

const pod = (containers: string[], inits: string[] = []): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: containers.map((name) => ({ name })), initContainers: inits.map((name) => ({ name })) },
});

const NOW = Date.parse("2025-01-01T00:10:00Z");
const lines = [0, 1, 2, 3].map((m) => ({ time: new Date(Date.parse("2025-01-01T00:00:00Z") + m * 60_000), text: `line ${m}` }));
const query = (q: string) => parseLogQuery(new URLSearchParams(q), "c", NOW);

describe("pods/log", () => {
  it("picks the only container, or explains the choice like the real server", () => {
    expect(resolveContainer(pod(["app"]), null)).toBe("app");
    expect(() => resolveContainer(pod(["app", "istio-proxy"], ["istio-init"]), null)).toThrowError(
      "a container name must be specified for pod p, choose one of: [app istio-proxy] or one of the init containers: [istio-init]",
    );
    expect(resolveContainer(pod(["app"], ["istio-init"]), "istio-init")).toBe("istio-init");
    expect(() => resolveContainer(pod(["app"]), "nope")).toThrowError("container nope is not valid for pod p");
  });

  it("applies tailLines, sinceSeconds, sinceTime and timestamps", () => {
    expect(selectLines(lines, query("tailLines=2"))).toEqual(["line 2\n", "line 3\n"]);
    expect(selectLines(lines, query("tailLines=0"))).toEqual([]);
    expect(selectLines(lines, query("sinceSeconds=480"))).toEqual(["line 2\n", "line 3\n"]);
    expect(selectLines(lines, query("sinceTime=2025-01-01T00:01:00Z&tailLines=5"))).toHaveLength(3);
    expect(selectLines(lines, query("timestamps=true&tailLines=1"))).toEqual(["2025-01-01T00:03:00.000000000Z line 3\n"]);
    expect(logTimestamp(new Date("2025-01-01T00:00:00.123Z"))).toBe("2025-01-01T00:00:00.123000000Z");
  });

  it("parses follow, limitBytes and rejects contradictions", () => {
    expect(query("follow=true&limitBytes=10")).toMatchObject({ follow: true, limitBytes: 10 });
    expect(() => query("sinceSeconds=5&sinceTime=2025-01-01T00:00:00Z")).toThrowError(/at most one/);
    expect(() => query("tailLines=abc")).toThrowError(/must be an integer/);
  });
});
