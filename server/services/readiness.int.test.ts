import { describe, expect, inject, it, vi } from "vitest";
import { closedPortUrl } from "@/test/ports";

const demo = inject("demo");

describe("readiness of the upstreams", () => {
  it("reports each upstream with its URL when all answer", async () => {
    const { readiness } = await import("./readiness");
    const r = await readiness();
    expect(r.ready).toBe(true);
    const by = Object.fromEntries(r.upstreams.map((u) => [u.name, u]));
    expect(by.kubernetes).toMatchObject({ ok: true, url: demo.kubeUrl });
    expect(by.prometheus).toMatchObject({ ok: true, url: demo.prometheusUrl });
    expect(by.prometheus?.detail).toMatch(/Prometheus 2\./);
    expect(by.jaeger).toMatchObject({ ok: true, url: demo.jaegerUrl });
  });

  it("names the upstream that is down and keeps the others", async () => {
    vi.resetModules();
    const saved = process.env.PROMETHEUS_URL;
    const closedUrl = await closedPortUrl();
    process.env.PROMETHEUS_URL = closedUrl;
    try {
      const { readiness } = await import("./readiness");
      const r = await readiness();
      expect(r.ready).toBe(false);
      const prom = r.upstreams.find((u) => u.name === "prometheus");
      expect(prom).toMatchObject({ ok: false, url: closedUrl });
      expect(prom?.error).toMatch(/ECONNREFUSED/);
      expect(r.upstreams.filter((u) => u.ok).map((u) => u.name).sort()).toEqual(["jaeger", "kubernetes"]);
    } finally {
      process.env.PROMETHEUS_URL = saved;
      vi.resetModules();
    }
  });

  it("says when an upstream is not configured", async () => {
    vi.resetModules();
    const saved = process.env.JAEGER_URL;
    delete process.env.JAEGER_URL;
    try {
      const { readiness } = await import("./readiness");
      const jaeger = (await readiness()).upstreams.find((u) => u.name === "jaeger");
      expect(jaeger).toMatchObject({ ok: false, url: null });
      expect(jaeger?.error).toMatch(/JAEGER_URL/);
    } finally {
      process.env.JAEGER_URL = saved;
      vi.resetModules();
    }
  });
});
