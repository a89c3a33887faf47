import { describe, expect, it } from "vitest";
import { HTTP_LABEL_NAMES, TCP_LABEL_NAMES } from "@/demo/mesh/telemetry/label-names";
import { syntheticGraph } from "./browser/graphs";
import { renderShard, seriesCount, seriesSets } from "./graph-server/exposition";
import { generateMesh, meshStats } from "./graph-server/synthetic-mesh";
import { quantile } from "./lib/stats";

describe("synthetic mesh", () => {
  const mesh = generateMesh();

  it("is big enough and the same on every run", () => {
    const s = meshStats(mesh);
    expect(s.workloads).toBeGreaterThanOrEqual(1_000);
    expect(s.edges).toBeGreaterThanOrEqual(3_000);
    expect(s.namespaces).toBeGreaterThanOrEqual(20);
    expect(meshStats(generateMesh())).toEqual(s);
  });

  it("splits each edge's rate over outcomes that add up to it", () => {
    for (const e of mesh.edges) {
      expect(e.outcomes.reduce((sum, o) => sum + o.share, 0)).toBeCloseTo(1, 9);
      expect(e.rate).toBeGreaterThan(0);
    }
  });
});

describe("exposition", () => {
  const mesh = generateMesh();
  const sets = seriesSets(mesh, 4);

  it("uses Istio's label names in Istio's order, and both reporters only where both proxies exist", () => {
    for (const s of sets.slice(0, 500)) {
      const names = [...s.body.matchAll(/(\w+)="/g)].map((m) => m[1]);
      const istio = s.protocol === "tcp" ? TCP_LABEL_NAMES : HTTP_LABEL_NAMES;
      expect(names.slice(0, istio.length)).toEqual([...istio]);
    }
    const external = sets.filter((s) => s.body.includes('destination_workload="unknown"'));
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((s) => s.reporter === "source")).toBe(true);
    expect(seriesCount(sets)).toBeGreaterThan(100_000);
  });

  it("renders parseable text whose counters grow and whose buckets are cumulative", () => {
    const shard = sets.filter((s) => s.shard === 1).slice(0, 50);
    const parse = (t: number) => {
      const values = new Map<string, number>();
      for (const line of [...renderShard(shard, t)].join("").split("\n")) {
        if (!line || line.startsWith("#")) continue;
        const m = /^([a-z_]+\{.*\}) (\S+)$/.exec(line);
        expect(m, line).not.toBeNull();
        values.set(m![1]!, Number(m![2]));
      }
      return values;
    };
    const a = parse(10);
    const b = parse(20);
    expect(a.size).toBe(b.size);
    for (const [k, v] of a) expect(b.get(k)!).toBeGreaterThanOrEqual(v);
    const buckets = [...b].filter(([k]) => k.startsWith("istio_request_duration_milliseconds_bucket{") && k.includes(shard[0]!.body));
    expect(buckets).toHaveLength(20);
    const counts = buckets.map(([, v]) => v);
    expect([...counts].sort((x, y) => x - y)).toEqual(counts);
  });
});

describe("browser graphs", () => {
  it.each([500, 1_000, 5_000])("%i nodes: ~1.8 edges per node between existing nodes", (n) => {
    const g = syntheticGraph(n);
    expect(g.nodes).toHaveLength(n);
    const ids = new Set(g.nodes.map((x) => x.id));
    expect(ids.size).toBe(n);
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(g.edges.length / n).toBeGreaterThan(1.6);
    expect(g.edges.length / n).toBeLessThan(2.0);
  });
});

describe("quantile", () => {
  it("interpolates between ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.95)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
