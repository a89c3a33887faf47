/**
 * The deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`),
 * the current one scaled to the desired replicas and older ones to zero (an instant rollout), revision
 * annotations, history trimming, and the Deployment's status and conditions.
 */
import type { KubeObject } from "../contracts";
import { mergeCondition, nowRfc3339, ownedBy, writeStatus, type ControllerContext } from "./controller-context";
import { asNumber, asRecord, clone } from "./json";
import { controllerRef, templateHash } from "./pod-template";

const REVISION = "deployment.kubernetes.io/revision";

function revisionOf(o: KubeObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function replicasOf(o: KubeObject): number {
  return asNumber(asRecord(o["spec"])?.["replicas"]) ?? 1;
}

/** maxUnavailable resolved against the replica count (percentages round down). */
function maxUnavailable(deployment: KubeObject, replicas: number): number {
  const strategy = asRecord(asRecord(deployment["spec"])?.["strategy"]);
  if (strategy?.["type"] === "Recreate") return replicas;
  const raw = asRecord(strategy?.["rollingUpdate"])?.["maxUnavailable"] ?? "25%";
  if (typeof raw === "number") return raw;
  const m = /^(\d+)%$/.exec(String(raw));
  return m ? Math.floor((replicas * Number(m[1])) / 100) : Number(raw) || 0;
}

function newReplicaSet(d: KubeObject, hash: string, replicas: number, revision: number): KubeObject {
  const spec = asRecord(d["spec"]) ?? {};
  const template = clone(asRecord(spec["template"]) ?? {});
  const tmeta = asRecord(template["metadata"]) ?? {};
  const labels = { ...((asRecord(tmeta["labels"]) as Record<string, string> | undefined) ?? {}), "pod-template-hash": hash };
  template["metadata"] = { ...tmeta, labels };
  const selector = clone(asRecord(spec["selector"]) ?? {});
  selector["matchLabels"] = { ...(asRecord(selector["matchLabels"]) ?? {}), "pod-template-hash": hash };
  const rsSpec: Record<string, unknown> = { replicas, selector, template };
  if (spec["minReadySeconds"] !== undefined) rsSpec["minReadySeconds"] = spec["minReadySeconds"];
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(replicas),
        "deployment.kubernetes.io/max-replicas": String(replicas + 1),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: rsSpec,
  };
}

function scaleReplicaSet(ctx: ControllerContext, rs: KubeObject, replicas: number, revision?: number): KubeObject {
  const next = clone(rs) as KubeObject;
  next["spec"] = { ...(asRecord(rs["spec"]) ?? {}), replicas };
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  annotations["deployment.kubernetes.io/desired-replicas"] = String(replicas);
  annotations["deployment.kubernetes.io/max-replicas"] = String(replicas + 1);
  if (revision !== undefined) annotations[REVISION] = String(revision);
  next.metadata.annotations = annotations;
  return ctx.store.update(ctx.types.replicasets, next);
}

/** Reconciles one Deployment. */
export function reconcileDeployment(ctx: ControllerContext, namespace: string, name: string): void {
  const { types, store } = ctx;
  let d = store.get(types.deployments, namespace, name);
  if (!d || d.metadata.deletionTimestamp) return;
  const spec = asRecord(d["spec"]) ?? {};
  const replicas = replicasOf(d);
  const hash = templateHash(spec["template"]);
  const owned = ownedBy(ctx, types.replicasets, namespace, d.metadata.uid);
  const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  let current = owned.find((rs) => rs.metadata.labels?.["pod-template-hash"] === hash);
  if (!current) {
    current = store.create(types.replicasets, newReplicaSet(d, hash, replicas, maxRevision + 1));
  } else {
    const revision = revisionOf(current) < maxRevision ? maxRevision + 1 : undefined;
    if (replicasOf(current) !== replicas || revision !== undefined) current = scaleReplicaSet(ctx, current, replicas, revision);
  }
  const old = owned.filter((rs) => rs.metadata.uid !== current?.metadata.uid);
  for (const rs of old) if (replicasOf(rs) !== 0) scaleReplicaSet(ctx, rs, 0);
  const historyLimit = asNumber(spec["revisionHistoryLimit"]) ?? 10;
  const byAge = [...old].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of byAge.slice(0, Math.max(0, byAge.length - historyLimit))) {
    for (const pod of ownedBy(ctx, types.pods, namespace, rs.metadata.uid)) store.delete(types.pods, namespace, pod.metadata.name);
    if (store.get(types.replicasets, namespace, rs.metadata.name)) store.delete(types.replicasets, namespace, rs.metadata.name);
  }

  const currentRevision = revisionOf(store.get(types.replicasets, namespace, current.metadata.name) ?? current);
  if (d.metadata.annotations?.[REVISION] !== String(currentRevision)) {
    const next = clone(d) as KubeObject;
    next.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(currentRevision) };
    d = store.update(types.deployments, next);
  }
  writeDeploymentStatus(ctx, d, current.metadata.name);
}

function writeDeploymentStatus(ctx: ControllerContext, d: KubeObject, currentName: string): void {
  const namespace = d.metadata.namespace;
  const all = ownedBy(ctx, ctx.types.replicasets, namespace, d.metadata.uid);
  const sum = (field: string): number => all.reduce((n, rs) => n + (asNumber(asRecord(rs["status"])?.[field]) ?? 0), 0);
  const current = all.find((rs) => rs.metadata.name === currentName);
  const currentStatus = asRecord(current?.["status"]) ?? {};
  const desired = replicasOf(d);
  const replicas = sum("replicas");
  const ready = sum("readyReplicas");
  const available = sum("availableReplicas");
  const updated = asNumber(currentStatus["replicas"]) ?? 0;
  const previous = (asRecord(d["status"])?.["conditions"] as unknown[] | undefined) ?? [];
  const at = nowRfc3339();
  const isAvailable = available >= desired - maxUnavailable(d, desired);
  const progressed = updated === desired && (asNumber(currentStatus["availableReplicas"]) ?? 0) === desired && replicas === desired;
  const times = ["lastUpdateTime", "lastTransitionTime"];
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
  };
  if (desired - available > 0) status["unavailableReplicas"] = desired - available;
  status["conditions"] = [
    mergeCondition(
      previous,
      {
        type: "Available",
        status: isAvailable ? "True" : "False",
        reason: isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        message: isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
      },
      at,
      times,
    ),
    mergeCondition(
      previous,
      {
        type: "Progressing",
        status: "True",
        reason: progressed ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
        message: progressed ? `ReplicaSet "${currentName}" has successfully progressed.` : `ReplicaSet "${currentName}" is progressing.`,
      },
      at,
      times,
    ),
  ];
  for (const key of ["readyReplicas", "availableReplicas", "updatedReplicas", "replicas"]) if (status[key] === 0) delete status[key];
  writeStatus(ctx, ctx.types.deployments, d, status);
}
