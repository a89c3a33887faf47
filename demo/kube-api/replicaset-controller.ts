/**
 * The replicaset controller: keeps the number of pods owned by a ReplicaSet at `spec.replicas`
 * (named `<replicaset>-<5 random chars>`, started at once by the kubelet simulation; not-ready and
 * newest pods go first when scaling down) and reports the ReplicaSet's status.
 */
import type { KubeObject } from "../contracts";
import { ownedBy, writeStatus, type ControllerContext } from "./controller-context";
import { asArray, asNumber, asRecord, isRecord } from "./json";
import { startPod } from "./kubelet";
import { podFromReplicaSet } from "./pod-template";

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return asArray(asRecord(pod["status"])?.["conditions"])
    .filter(isRecord)
    .some((c) => c["type"] === "Ready" && c["status"] === "True");
}

/** Reconciles one ReplicaSet. */
export function reconcileReplicaSet(ctx: ControllerContext, namespace: string, name: string): void {
  const { store, types } = ctx;
  const rs = store.get(types.replicasets, namespace, name);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const desired = asNumber(asRecord(rs["spec"])?.["replicas"]) ?? 1;
  let pods = ownedBy(ctx, types.pods, namespace, rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  for (let i = pods.length; i < desired; i++) {
    let pod = podFromReplicaSet(rs, ctx.ips);
    while (store.get(types.pods, namespace, pod.metadata.name)) pod = podFromReplicaSet(rs, ctx.ips);
    store.create(types.pods, startPod(pod, ctx.ips));
  }
  if (pods.length > desired) {
    const victims = [...pods]
      .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)))
      .slice(0, pods.length - desired);
    for (const pod of victims) store.delete(types.pods, namespace, pod.metadata.name);
  }
  pods = ownedBy(ctx, types.pods, namespace, rs.metadata.uid);
  const ready = pods.filter(isPodReady).length;
  const status: Record<string, unknown> = {
    replicas: pods.length,
    fullyLabeledReplicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: rs.metadata.generation,
  };
  for (const key of ["fullyLabeledReplicas", "readyReplicas", "availableReplicas"]) if (status[key] === 0) delete status[key];
  writeStatus(ctx, types.replicasets, rs, status);
}
