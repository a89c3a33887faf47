/**
 * Cell texts of the built-in tables that need more than a field lookup: the pod status column
 * (k8s.io/kubernetes/pkg/printers/internalversion printPod), service ports and external IPs,
 * endpoint lists and node status.
 */
import type { KubeObject } from "../contracts";
import { ageOf } from "./age";
import { asArray, asNumber, asRecord, asString, isRecord } from "./json";

const spec = (o: KubeObject): Record<string, unknown> => asRecord(o["spec"]) ?? {};
const status = (o: KubeObject): Record<string, unknown> => asRecord(o["status"]) ?? {};
const num = (v: unknown): number => asNumber(v) ?? 0;

/** READY, STATUS and RESTARTS of a pod. */
export function podStatus(o: KubeObject, now: number): { ready: string; reason: string; restarts: string } {
  const st = status(o);
  const containers = asArray(spec(o)["containers"]);
  let reason = asString(st["reason"]) ?? asString(st["phase"]) ?? "Pending";
  let restarts = 0;
  let readyCount = 0;
  let lastRestart = 0;
  let initializing = false;
  const inits = asArray(st["initContainerStatuses"]).filter(isRecord);
  inits.forEach((cs, i) => {
    restarts += num(cs["restartCount"]);
    const state = asRecord(cs["state"]) ?? {};
    const terminated = asRecord(state["terminated"]);
    const waiting = asRecord(state["waiting"]);
    if (terminated && num(terminated["exitCode"]) === 0) return;
    if (initializing) return;
    initializing = true;
    if (terminated) reason = `Init:${asString(terminated["reason"]) ?? `ExitCode:${num(terminated["exitCode"])}`}`;
    else if (waiting && waiting["reason"] && waiting["reason"] !== "PodInitializing") reason = `Init:${String(waiting["reason"])}`;
    else reason = `Init:${i}/${inits.length}`;
  });
  if (!initializing) {
    let hasRunning = false;
    for (const cs of asArray(st["containerStatuses"]).filter(isRecord).reverse()) {
      restarts += num(cs["restartCount"]);
      const finished = asString(asRecord(asRecord(cs["lastState"])?.["terminated"])?.["finishedAt"]);
      if (finished) lastRestart = Math.max(lastRestart, Date.parse(finished) || 0);
      const state = asRecord(cs["state"]) ?? {};
      const waiting = asRecord(state["waiting"]);
      const terminated = asRecord(state["terminated"]);
      if (waiting?.["reason"]) reason = String(waiting["reason"]);
      else if (terminated?.["reason"]) reason = String(terminated["reason"]);
      else if (terminated) reason = `ExitCode:${num(terminated["exitCode"])}`;
      else if (cs["ready"] === true && state["running"]) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === "Completed" && hasRunning) reason = "Running";
  }
  if (o.metadata.deletionTimestamp) reason = "Terminating";
  const restartText = lastRestart > 0 ? `${restarts} (${ageOf(new Date(lastRestart).toISOString(), now)} ago)` : String(restarts);
  return { ready: `${readyCount}/${containers.length}`, reason, restarts: restartText };
}

/** Container names of a pod spec, comma-separated. */
export function containerNames(podSpec: unknown): string {
  return asArray(asRecord(podSpec)?.["containers"]).filter(isRecord).map((c) => String(c["name"] ?? "")).join(",");
}

/** Container images of a pod spec, comma-separated. */
export function containerImages(podSpec: unknown): string {
  return asArray(asRecord(podSpec)?.["containers"]).filter(isRecord).map((c) => String(c["image"] ?? "")).join(",");
}

/** The pod spec of a workload's template. */
export function templateSpec(o: KubeObject): unknown {
  return asRecord(spec(o)["template"])?.["spec"];
}

/** PORT(S) of a service: `80:30080/TCP,53/UDP`. */
export function servicePorts(o: KubeObject): string {
  const ports = asArray(spec(o)["ports"]).filter(isRecord);
  if (ports.length === 0) return "<none>";
  return ports
    .map((p) => `${String(p["port"])}${p["nodePort"] ? `:${String(p["nodePort"])}` : ""}/${String(p["protocol"] ?? "TCP")}`)
    .join(",");
}

/** EXTERNAL-IP of a service. */
export function externalIp(o: KubeObject): string {
  const s = spec(o);
  const external = asArray(s["externalIPs"]).map(String);
  switch (s["type"]) {
    case "ExternalName":
      return String(s["externalName"] ?? "<none>");
    case "LoadBalancer": {
      const ingress = asArray(asRecord(status(o)["loadBalancer"])?.["ingress"])
        .filter(isRecord)
        .map((i) => String(i["ip"] ?? i["hostname"] ?? ""));
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(",") : "<pending>";
    }
    default:
      return external.length > 0 ? external.join(",") : "<none>";
  }
}

/** ENDPOINTS: the first three `ip:port`, then `+ N more...`. */
export function endpointsText(o: KubeObject): string {
  const list: string[] = [];
  let total = 0;
  for (const subset of asArray(o["subsets"]).filter(isRecord)) {
    const ports = asArray(subset["ports"]).filter(isRecord);
    for (const addr of asArray(subset["addresses"]).filter(isRecord)) {
      for (const port of ports.length > 0 ? ports : [undefined]) {
        total++;
        if (list.length < 3) list.push(port ? `${String(addr["ip"])}:${String(port["port"])}` : String(addr["ip"]));
      }
    }
  }
  if (total === 0) return "<none>";
  return total > 3 ? `${list.join(",")} + ${total - 3} more...` : list.join(",");
}

/** STATUS of a node. */
export function nodeReady(o: KubeObject): string {
  const ready = asArray(status(o)["conditions"]).filter(isRecord).find((c) => c["type"] === "Ready");
  const text = ready?.["status"] === "True" ? "Ready" : ready ? "NotReady" : "Unknown";
  return spec(o)["unschedulable"] ? `${text},SchedulingDisabled` : text;
}

/** An address of a node by type. */
export function nodeAddress(o: KubeObject, type: string): string {
  const a = asArray(status(o)["addresses"]).filter(isRecord).find((x) => x["type"] === type);
  return a ? String(a["address"]) : "<none>";
}
