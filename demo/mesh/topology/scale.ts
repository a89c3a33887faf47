/**
 * Scale mode: `scale-<i>` namespaces of ten sidecar workloads calling each other in four tiers
 * (s0 → s1..s3 → s4..s6 → s7..s9). No Istio objects, so they stay cheap to route.
 */
import type { KubeObject } from "../../contracts";
import type { SimCall } from "../profile";
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
    namespaces.push(namespace(ns, true));
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
