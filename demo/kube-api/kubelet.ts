/**
 * The kubelet of the demo's single node: starts pods (Running, IPs, container statuses including
 * sidecars such as `istio-proxy`), and lets the owner flip readiness or restart a container.
 */
import { createHash, randomBytes } from "node:crypto";
import type { KubeObject } from "../contracts";
import type { IpAllocator } from "./ip-allocator";
import { asArray, asRecord, clone, isRecord } from "./json";
import { badRequest } from "./status";

/** Name and InternalIP of the demo node. */
export const NODE_NAME = "demo-node";
export const NODE_IP = "10.0.0.10";

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `nginx` → `docker.io/library/nginx:latest`, as the runtime reports images. */
export function normalizeImage(image: string): string {
  let ref = image;
  if (!/[:@]/.test(ref.split("/").pop() ?? "")) ref = `${ref}:latest`;
  const first = ref.split("/")[0] ?? "";
  if (!ref.includes("/")) return `docker.io/library/${ref}`;
  if (!first.includes(".") && !first.includes(":") && first !== "localhost") return `docker.io/${ref}`;
  return ref;
}

function containerId(): string {
  return `containerd://${randomBytes(32).toString("hex")}`;
}

function imageId(image: string): string {
  const normalized = normalizeImage(image).replace(/:[^/:@]+$/, "");
  return `${normalized}@sha256:${createHash("sha256").update(image).digest("hex")}`;
}

function containers(pod: KubeObject, list: "containers" | "initContainers"): Record<string, unknown>[] {
  return asArray(asRecord(pod["spec"])?.[list]).filter(isRecord);
}

function qosClass(pod: KubeObject): string {
  const all = containers(pod, "containers");
  const hasResources = all.some((c) => {
    const r = asRecord(c["resources"]) ?? {};
    return Object.keys(asRecord(r["requests"]) ?? {}).length > 0 || Object.keys(asRecord(r["limits"]) ?? {}).length > 0;
  });
  return hasResources ? "Burstable" : "BestEffort";
}

function condition(type: string, ok: boolean, at: string, reason?: string, message?: string): Record<string, unknown> {
  const c: Record<string, unknown> = { type, status: ok ? "True" : "False", lastProbeTime: null, lastTransitionTime: at };
  if (!ok && reason) c["reason"] = reason;
  if (!ok && message) c["message"] = message;
  return c;
}

/** True when a pod has been started by the kubelet (has a phase and container statuses). */
export function isStarted(pod: KubeObject): boolean {
  const status = asRecord(pod["status"]);
  return typeof status?.["phase"] === "string" && Array.isArray(status["containerStatuses"]);
}

/** The pod as the kubelet reports it once all containers run and are ready. */
export function startPod(pod: KubeObject, ips: IpAllocator): KubeObject {
  const next = clone(pod) as KubeObject;
  const spec = asRecord(next["spec"]) ?? {};
  if (!spec["nodeName"]) spec["nodeName"] = NODE_NAME;
  next["spec"] = spec;
  const at = now();
  const podIp = ips.podIp();
  const byName = (a: Record<string, unknown>, b: Record<string, unknown>): number => String(a["name"]).localeCompare(String(b["name"]));
  next["status"] = {
    phase: "Running",
    conditions: [
      condition("PodReadyToStartContainers", true, at),
      condition("Initialized", true, at),
      condition("Ready", true, at),
      condition("ContainersReady", true, at),
      condition("PodScheduled", true, at),
    ],
    hostIP: NODE_IP,
    hostIPs: [{ ip: NODE_IP }],
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    startTime: at,
    ...(containers(pod, "initContainers").length > 0
      ? {
          initContainerStatuses: containers(pod, "initContainers").map((c) => ({
            name: c["name"],
            state: { terminated: { exitCode: 0, reason: "Completed", startedAt: at, finishedAt: at, containerID: containerId() } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: normalizeImage(String(c["image"] ?? "")),
            imageID: imageId(String(c["image"] ?? "")),
            containerID: containerId(),
            started: false,
          })),
        }
      : {}),
    containerStatuses: containers(pod, "containers")
      .map((c) => ({
        name: c["name"],
        state: { running: { startedAt: at } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: normalizeImage(String(c["image"] ?? "")),
        imageID: imageId(String(c["image"] ?? "")),
        containerID: containerId(),
        started: true,
      }))
      .sort(byName),
    qosClass: qosClass(pod),
  };
  return next;
}

function statuses(pod: KubeObject): Record<string, unknown>[] {
  return asArray(asRecord(pod["status"])?.["containerStatuses"]).filter(isRecord);
}

function recomputeReadiness(pod: KubeObject, at: string): void {
  const status = asRecord(pod["status"]) ?? {};
  const unready = statuses(pod).filter((s) => s["ready"] !== true).map((s) => String(s["name"]));
  const ok = unready.length === 0;
  const message = `containers with unready status: [${unready.join(" ")}]`;
  status["conditions"] = asArray(status["conditions"])
    .filter(isRecord)
    .map((c) => {
      if (c["type"] !== "Ready" && c["type"] !== "ContainersReady") return c;
      const changed = (c["status"] === "True") !== ok;
      return condition(String(c["type"]), ok, changed ? at : String(c["lastTransitionTime"] ?? at), "ContainersNotReady", message);
    });
}

/**
 * The pod with every container marked ready or not ready (readiness probe results).
 * @param container only this container, when given
 */
export function withReadiness(pod: KubeObject, ready: boolean, container?: string): KubeObject {
  const next = clone(pod) as KubeObject;
  const list = statuses(next);
  if (container && !list.some((s) => s["name"] === container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  for (const s of list) if (!container || s["name"] === container) s["ready"] = ready;
  recomputeReadiness(next, now());
  return next;
}

/** The pod after one container was killed and restarted by the kubelet (restartCount + 1). */
export function withRestartedContainer(pod: KubeObject, container: string, exitCode = 137, reason = "Error"): KubeObject {
  const next = clone(pod) as KubeObject;
  const s = statuses(next).find((x) => x["name"] === container);
  if (!s) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  const at = now();
  const startedAt = asRecord(asRecord(s["state"])?.["running"])?.["startedAt"] ?? at;
  s["lastState"] = { terminated: { exitCode, reason, startedAt, finishedAt: at, containerID: s["containerID"] } };
  s["state"] = { running: { startedAt: at } };
  s["restartCount"] = (typeof s["restartCount"] === "number" ? s["restartCount"] : 0) + 1;
  s["containerID"] = containerId();
  return next;
}
