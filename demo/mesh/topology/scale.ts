/**
 * Scale mode: `scale-<i>` namespaces of ten sidecar workloads calling each other in four tiers
 * (s0 → s1..s3 → s4..s6 → s7..s9). No Istio objects, so they stay cheap to route. Their proxies do not
 * report the request and response size histograms (as a Telemetry override would have it, see
 * telemetry/disabled-metrics.ts): two thirds of their series, which a small machine's Prometheus could
 * not ingest every scrape at hundreds of namespaces.
 */
import type { KubeObject } from "../../contracts";
import type { SimCall } from "../profile";
import { disabledMetricsAnnotation } from "../telemetry/disabled-metrics";
import { deployment, namespace, service, serviceAccount } from "./builders";

/** Who each tier workload calls, by index. */
const EDGES: Record<number, number[]> = { 0: [1, 2, 3], 1: [4, 5], 2: [5, 6], 3: [6], 4: [7], 5: [8], 6: [9] };
const PORT = 8080;

/** `scale-<i>` */
export function scaleNamespaceName(i: number): string {
  return `scale-${i}`;
}

/** `count` scale namespaces with their Services, ServiceAccounts and Deployments. */
export function scaleObjects(count: number): { namespaces: KubeObject[]; objects: KubeObject[] } {
  const namespaces: KubeObject[] = [];
  const objects: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const ns = scaleNamespaceName(i);
    const nsObject = namespace(ns, true);
    nsObject.metadata.annotations = disabledMetricsAnnotation(["REQUEST_SIZE", "RESPONSE_SIZE"]);
    namespaces.push(nsObject);
    for (let w = 0; w < 10; w++) {
      const app = `s${w}`;
      const calls: SimCall[] = (EDGES[w] ?? []).map((to) => ({ host: `s${to}`, port: PORT, method: "GET", path: `/s${to}` }));
      objects.push(
        serviceAccount(ns, app),
        service(ns, app, { app }, [{ name: "http", port: PORT }]),
        deployment({
          namespace: ns,
          app,
          version: "v1",
          serviceAccount: app,
          sidecar: true,
          containerPort: PORT,
          profile: { latencyMs: 2 + w, calls, ...(w === 0 ? { originate: { weight: 1 } } : {}) },
        }),
      );
    }
  }
  return { namespaces, objects };
}
