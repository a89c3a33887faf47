/**
 * Defaulting of the built-in kinds, as the API server's defaulters and admission do, so that
 * objects read back look like a real cluster's (and `kubectl apply` three-way diffs behave the same).
 */
import type { KubeObject } from "../contracts";
import type { IpAllocator } from "./ip-allocator";
import { asArray, asRecord, ensureRecord, isRecord } from "./json";

function setDefault(target: Record<string, unknown>, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function defaultContainer(c: Record<string, unknown>): void {
  const image = typeof c["image"] === "string" ? c["image"] : "";
  const tag = image.includes("@") ? "digest" : (/:([^/:]+)$/.exec(image)?.[1] ?? "latest");
  setDefault(c, "imagePullPolicy", tag === "latest" ? "Always" : "IfNotPresent");
  setDefault(c, "terminationMessagePath", "/dev/termination-log");
  setDefault(c, "terminationMessagePolicy", "File");
  setDefault(c, "resources", {});
  for (const port of asArray(c["ports"]).filter(isRecord)) setDefault(port, "protocol", "TCP");
}

/** Defaults of a PodSpec (also used for pod templates). */
export function defaultPodSpec(spec: Record<string, unknown>): void {
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const c of [...asArray(spec["containers"]), ...asArray(spec["initContainers"])].filter(isRecord)) {
    defaultContainer(c);
  }
}

function defaultWorkload(spec: Record<string, unknown>, deployment: boolean): void {
  setDefault(spec, "replicas", 1);
  const template = ensureRecord(spec, "template");
  defaultPodSpec(ensureRecord(template, "spec"));
  if (!deployment) return;
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  const strategy = ensureRecord(spec, "strategy");
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy["type"] === "RollingUpdate") {
    const rolling = ensureRecord(strategy, "rollingUpdate");
    setDefault(rolling, "maxSurge", "25%");
    setDefault(rolling, "maxUnavailable", "25%");
  }
}

function defaultService(spec: Record<string, unknown>, key: string, ips: IpAllocator, previous?: KubeObject): void {
  const old = asRecord(previous?.["spec"]);
  setDefault(spec, "type", "ClusterIP");
  setDefault(spec, "sessionAffinity", "None");
  const type = spec["type"];
  if (type !== "ExternalName") {
    // Allocated values survive updates that leave them out (registry/core/service patchAllocatedValues).
    if (!spec["clusterIP"] && typeof old?.["clusterIP"] === "string") spec["clusterIP"] = old["clusterIP"];
    if (!spec["clusterIP"]) spec["clusterIP"] = ips.clusterIp(key);
    else if (spec["clusterIP"] !== "None") ips.reserveClusterIp(String(spec["clusterIP"]));
    setDefault(spec, "clusterIPs", [spec["clusterIP"]]);
    setDefault(spec, "ipFamilies", ["IPv4"]);
    setDefault(spec, "ipFamilyPolicy", "SingleStack");
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  }
  if (type === "NodePort" || type === "LoadBalancer") setDefault(spec, "externalTrafficPolicy", "Cluster");
  const oldPorts = asArray(old?.["ports"]).filter(isRecord);
  for (const port of asArray(spec["ports"]).filter(isRecord)) {
    setDefault(port, "protocol", "TCP");
    if (type !== "ExternalName") setDefault(port, "targetPort", port["port"]);
    if ((type === "NodePort" || type === "LoadBalancer") && !port["nodePort"]) {
      const kept = oldPorts.find((p) => p["port"] === port["port"])?.["nodePort"];
      port["nodePort"] = typeof kept === "number" ? kept : ips.nodePort();
    }
  }
}

/**
 * Applies the defaults of the object's kind in place.
 * @param previous the stored object, for updates (keeps allocated IPs and ports)
 */
export function applyDefaults(object: KubeObject, ips: IpAllocator, previous?: KubeObject): void {
  const spec = asRecord(object["spec"]);
  switch (`${object.apiVersion}/${object.kind}`) {
    case "v1/Namespace": {
      object.metadata.labels = { ...(object.metadata.labels ?? {}), "kubernetes.io/metadata.name": object.metadata.name };
      const nsSpec = ensureRecord(object, "spec");
      setDefault(nsSpec, "finalizers", ["kubernetes"]);
      setDefault(ensureRecord(object, "status"), "phase", "Active");
      break;
    }
    case "v1/Pod": {
      const podSpec = ensureRecord(object, "spec");
      defaultPodSpec(podSpec);
      setDefault(podSpec, "serviceAccountName", "default");
      setDefault(podSpec, "serviceAccount", podSpec["serviceAccountName"]);
      setDefault(podSpec, "enableServiceLinks", true);
      setDefault(podSpec, "priority", 0);
      setDefault(podSpec, "preemptionPolicy", "PreemptLowerPriority");
      break;
    }
    case "v1/Service":
      defaultService(ensureRecord(object, "spec"), `${object.metadata.namespace ?? ""}/${object.metadata.name}`, ips, previous);
      break;
    case "apps/v1/Deployment":
      defaultWorkload(spec ?? ensureRecord(object, "spec"), true);
      break;
    case "apps/v1/ReplicaSet":
      defaultWorkload(spec ?? ensureRecord(object, "spec"), false);
      break;
  }
}
