import { CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { afterAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { eventually } from "@/test/demo-env";

const demo = inject("demo");
const kc = new KubeConfig();
kc.loadFromFile(demo.kubeconfigPath);
const custom = kc.makeApiClient(CustomObjectsApi);
const vsRef = { group: "networking.istio.io", version: "v1", namespace: "bookinfo", plural: "virtualservices", name: "reviews" };

const vectorResponse = z.object({
  status: z.literal("success"),
  data: z.object({ result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })) }),
});

/** Runs an instant query against the demo's Prometheus. */
async function promQuery(query: string) {
  const res = await fetch(`${demo.prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
  return vectorResponse.parse(await res.json()).data.result;
}

/** Destination-reported request rate per reviews version over the last `window`. */
async function reviewsRates(window: string): Promise<Record<string, number>> {
  const rows = await promQuery(
    `sum by (destination_version) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_app="reviews"}[${window}]))`,
  );
  return Object.fromEntries(rows.map((r) => [r.metric.destination_version ?? "", Number(r.value[1])]));
}

describe("the demo mesh's telemetry", () => {
  it("reaches the real Prometheus from both reporters with Istio's label set", async () => {
    const rows = await eventually(async () => {
      const r = await promQuery('sum by (reporter) (istio_requests_total{destination_workload="productpage-v1"})');
      return r.length === 2 ? r : undefined;
    }, 30_000);
    expect(rows.map((r) => r.metric.reporter).sort()).toEqual(["destination", "source"]);
    const [series] = await promQuery('istio_requests_total{reporter="destination",destination_workload="details-v1"}');
    for (const label of ["source_workload", "source_principal", "destination_service", "destination_canonical_revision", "connection_security_policy", "response_flags"]) {
      expect(series?.metric, label).toHaveProperty(label);
    }
    expect(series?.metric.connection_security_policy).toBe("mutual_tls");
    // Prometheus drops empty labels: grpc_response_status only shows on gRPC traffic, as with real Istio.
    const grpc = await promQuery('istio_requests_total{reporter="destination",request_protocol="grpc"}');
    expect(grpc.length).toBeGreaterThan(0);
    expect(grpc[0]?.metric.grpc_response_status).toMatch(/^\d+$/);
  });

  describe("follows a VirtualService changed through the Kubernetes API", () => {
    let original: unknown;

    afterAll(async () => {
      if (!original) return;
      const current = (await custom.getNamespacedCustomObject(vsRef)) as { metadata: { resourceVersion: string } };
      const restore = original as { metadata: Record<string, unknown>; spec: unknown };
      await custom.replaceNamespacedCustomObject({
        ...vsRef,
        body: { ...restore, metadata: { ...restore.metadata, resourceVersion: current.metadata.resourceVersion } },
      });
    });

    it("sends all of reviews' traffic to v1 within a few scrapes", async () => {
      original = await custom.getNamespacedCustomObject(vsRef);
      const vs = original as { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> };
      await custom.replaceNamespacedCustomObject({
        ...vsRef,
        body: { ...vs, spec: { ...vs.spec, http: [{ route: [{ destination: { host: "reviews", subset: "v1" }, weight: 100 }] }] } },
      });
      const rates = await eventually(async () => {
        const r = await reviewsRates("5s");
        return (r.v1 ?? 0) > 0 && (r.v2 ?? 0) === 0 && (r.v3 ?? 0) === 0 ? r : undefined;
      }, 45_000, 1_000);
      expect(rates.v1).toBeGreaterThan(0);
    });
  });
});
