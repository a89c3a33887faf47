/**
 * The objects the demo Kubernetes API is seeded with. Deployments, Services, ServiceAccounts and
 * Istio config only: the API's controller creates ReplicaSets and Pods from the Deployments.
 */
import type { KubeObject } from "../../contracts";
import { bookinfoObjects } from "./bookinfo";
import { istioSystemObjects } from "./istio-system";
import { legacyObjects } from "./legacy";
import { scaleObjects } from "./scale";
import { shopObjects } from "./shop";

export interface SeedOptions {
  /** Adds this many `scale-<i>` namespaces of ten workloads each (default 0). */
  scale?: number;
}

/** Plain Kubernetes JSON for the demo mesh, namespaces first. */
export function seedObjects(opts: SeedOptions = {}): KubeObject[] {
  const parts = [istioSystemObjects(), bookinfoObjects(), shopObjects(), legacyObjects()];
  const scale = Math.max(0, Math.floor(opts.scale ?? 0));
  if (scale > 0) parts.push(scaleObjects(scale));
  return [...parts.flatMap((p) => p.namespaces), ...parts.flatMap((p) => p.objects)];
}
