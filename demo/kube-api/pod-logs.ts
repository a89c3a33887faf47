/**
 * The `pods/log` subresource over a {@link PodLogSource}: container selection with the kubelet's
 * errors, `tailLines`, `sinceSeconds`/`sinceTime`, `timestamps`, `limitBytes`, `previous`, and `follow`
 * (streams new lines until the client disconnects, the pod is deleted or the server closes).
 */
import type { ServerResponse } from "node:http";
import type { KubeObject, LogLine, PodLogSource } from "../contracts";
import { boolParam, intParam } from "./http-io";
import { asArray, asRecord, isRecord } from "./json";
import type { ResourceType } from "./resource-types";
import { badRequest } from "./status";
import type { ObjectStore } from "./store";
import type { StreamRegistry } from "./watch";

/** A source with no logs at all. */
export const NO_LOGS: PodLogSource = {
  lines: () => undefined,
  subscribe: () => () => undefined,
};

function names(spec: Record<string, unknown>, list: string): string[] {
  return asArray(spec[list]).filter(isRecord).map((c) => String(c["name"] ?? ""));
}

/** Picks the container of a log request, with the real server's errors when it is missing or ambiguous. */
export function resolveContainer(pod: KubeObject, requested: string | null): string {
  const spec = asRecord(pod["spec"]) ?? {};
  const containers = names(spec, "containers");
  const inits = names(spec, "initContainers");
  const ephemeral = names(spec, "ephemeralContainers");
  const name = pod.metadata.name;
  if (!requested) {
    if (containers.length === 1 && containers[0] !== undefined) return containers[0];
    let message = `a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`;
    if (inits.length > 0) message += ` or one of the init containers: [${inits.join(" ")}]`;
    if (ephemeral.length > 0) message += ` or one of the ephemeral containers: [${ephemeral.join(" ")}]`;
    throw badRequest(message);
  }
  if (![...containers, ...inits, ...ephemeral].includes(requested)) {
    throw badRequest(`container ${requested} is not valid for pod ${name}`);
  }
  return requested;
}

function containerStatus(pod: KubeObject, container: string): Record<string, unknown> | undefined {
  const status = asRecord(pod["status"]) ?? {};
  return [...asArray(status["containerStatuses"]), ...asArray(status["initContainerStatuses"])]
    .filter(isRecord)
    .find((s) => s["name"] === container);
}

/** RFC 3339 with nine fractional digits, as the kubelet prints log timestamps. */
export function logTimestamp(time: Date): string {
  return time.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

/** Options of a log request. */
export interface LogQuery {
  container: string;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceMs?: number;
  limitBytes?: number;
  previous: boolean;
}

/** Parses the query of a log request (container must already be resolved). */
export function parseLogQuery(params: URLSearchParams, container: string, now = Date.now()): LogQuery {
  const sinceSeconds = intParam(params, "sinceSeconds");
  const sinceTime = params.get("sinceTime");
  if (sinceSeconds !== undefined && sinceTime) throw badRequest("at most one of `sinceTime` or `sinceSeconds` may be specified");
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw badRequest("sinceSeconds: Invalid value: must be greater than 0");
  const tailLines = intParam(params, "tailLines");
  if (tailLines !== undefined && tailLines < 0) throw badRequest("tailLines: Invalid value: must be greater than or equal to 0");
  const limitBytes = intParam(params, "limitBytes");
  if (limitBytes !== undefined && limitBytes < 1) throw badRequest("limitBytes: Invalid value: must be greater than 0");
  let sinceMs: number | undefined;
  if (sinceSeconds !== undefined) sinceMs = now - sinceSeconds * 1000;
  else if (sinceTime) {
    sinceMs = Date.parse(sinceTime);
    if (Number.isNaN(sinceMs)) throw badRequest(`sinceTime: Invalid value: ${JSON.stringify(sinceTime)}`);
  }
  const query: LogQuery = {
    container,
    follow: boolParam(params, "follow"),
    timestamps: boolParam(params, "timestamps"),
    previous: boolParam(params, "previous"),
  };
  if (tailLines !== undefined) query.tailLines = tailLines;
  if (sinceMs !== undefined) query.sinceMs = sinceMs;
  if (limitBytes !== undefined) query.limitBytes = limitBytes;
  return query;
}

/** The buffered lines selected by a query, formatted. */
export function selectLines(lines: readonly LogLine[], query: LogQuery): string[] {
  let selected = query.sinceMs === undefined ? [...lines] : lines.filter((l) => l.time.getTime() >= (query.sinceMs ?? 0));
  if (query.tailLines !== undefined) selected = query.tailLines === 0 ? [] : selected.slice(-query.tailLines);
  return selected.map((l) => formatLine(l, query.timestamps));
}

function formatLine(line: LogLine, timestamps: boolean): string {
  return `${timestamps ? `${logTimestamp(line.time)} ` : ""}${line.text}\n`;
}

/** Dependencies of {@link serveLogs}. */
export interface LogDeps {
  store: ObjectStore;
  podType: ResourceType;
  source: PodLogSource;
  streams: StreamRegistry;
}

/** Answers `GET .../pods/<name>/log`. */
export function serveLogs(res: ServerResponse, namespace: string, name: string, params: URLSearchParams, deps: LogDeps): void {
  const pod = deps.store.require(deps.podType, namespace, name);
  const container = resolveContainer(pod, params.get("container"));
  const query = parseLogQuery(params, container);
  const status = containerStatus(pod, container);
  const waiting = asRecord(asRecord(status?.["state"])?.["waiting"]);
  if (waiting) {
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${String(waiting["reason"] ?? "ContainerCreating")}`);
  }
  if (query.previous && !asRecord(asRecord(status?.["lastState"])?.["terminated"])) {
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  }
  const buffered = query.previous ? [] : (deps.source.lines(namespace, name, container) ?? []);

  res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-cache, private", "Transfer-Encoding": "chunked" });
  let remaining = query.limitBytes ?? Number.POSITIVE_INFINITY;
  let closed = false;
  const cleanups: (() => void)[] = [];
  const finish = (): void => {
    if (closed) return;
    closed = true;
    cleanups.forEach((c) => c());
    if (!res.writableEnded) res.end();
  };
  const write = (text: string): void => {
    if (closed || remaining <= 0) return;
    const bytes = Buffer.from(text);
    const chunk = bytes.length > remaining ? bytes.subarray(0, remaining) : bytes;
    remaining -= chunk.length;
    res.write(chunk);
    if (remaining <= 0) finish();
  };

  for (const line of selectLines(buffered, query)) write(line);
  if (!query.follow || query.previous || closed) {
    finish();
    return;
  }
  cleanups.push(deps.source.subscribe(namespace, name, container, (line) => write(formatLine(line, query.timestamps))));
  cleanups.push(
    deps.store.subscribe((e) => {
      if (e.type === "DELETED" && e.storageKey === deps.podType.storageKey && e.object.metadata.namespace === namespace && e.object.metadata.name === name) {
        finish();
      }
    }),
  );
  const unregister = deps.streams.add(finish);
  cleanups.push(() => void unregister());
  res.on("close", finish);
}
