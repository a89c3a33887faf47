import "server-only";
import { PassThrough } from "node:stream";
import {
  ApiException,
  CoreV1Api,
  KubernetesObjectApi,
  Log,
  VersionApi,
  type KubernetesListObject,
  type KubernetesObject,
} from "@kubernetes/client-node";
import { z } from "zod";
import { getConfig } from "../config";
import { KubeStatusError, UpstreamUnavailableError } from "../http/errors";
import { describeNetworkError } from "../http/upstream-fetch";
import { observeUpstream } from "../telemetry";
import { RESOURCE_KINDS, type ResourceKey } from "@/lib/kube/resource-kinds";
import type { Identity } from "./identity";
import { kubeConfigFor, kubeServerUrl } from "./kube-config";

/**
 * The one way the console talks to Kubernetes. A gateway is bound to an identity, so every call is
 * made with that identity's credentials and the cluster's RBAC decides what it may see and change.
 * Errors come out typed: a `Status` answer as {@link KubeStatusError} (403, 404, 409, 422 pass through),
 * an unreachable or slow API server as {@link UpstreamUnavailableError}.
 */
export class KubeGateway {
  private readonly objects: KubernetesObjectApi;
  private readonly versionApi: VersionApi;
  private readonly kc: ReturnType<typeof kubeConfigFor>;

  constructor(readonly identity: Identity) {
    const kc = kubeConfigFor(identity);
    this.kc = kc;
    this.objects = KubernetesObjectApi.makeApiClient(kc);
    this.versionApi = kc.makeApiClient(VersionApi);
  }

  /** The API server's version (`/version`): proves it answers and that the credentials are accepted. */
  async version(): Promise<string> {
    const info = await this.call("version", () => this.versionApi.getCode());
    return info.gitVersion;
  }

  /** Lists a kind, in one namespace or (namespace undefined) across the cluster. */
  async list<T extends KubernetesObject = KubernetesObject>(
    key: ResourceKey,
    namespace?: string,
    opts: { labelSelector?: string; fieldSelector?: string } = {},
  ): Promise<KubernetesListObject<T>> {
    const k = RESOURCE_KINDS[key];
    return this.call(`list_${key}`, () =>
      this.objects.list<T>(k.apiVersion, k.kind, namespace, undefined, undefined, undefined, opts.fieldSelector, opts.labelSelector),
    );
  }

  /** Reads one object. */
  async get<T extends KubernetesObject = KubernetesObject>(key: ResourceKey, name: string, namespace?: string): Promise<T> {
    const k = RESOURCE_KINDS[key];
    return this.call(`get_${key}`, () =>
      this.objects.read<T>({ apiVersion: k.apiVersion, kind: k.kind, metadata: { name, namespace } }),
    );
  }

  /**
   * Creates an object. `dryRun`: the API server validates and answers as if it had, without storing
   * anything (its admission and schema checks run, so a dry run proves the write would be accepted).
   */
  async create<T extends KubernetesObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.call(`create_${operationKind(obj)}`, () => this.objects.create<T>(obj, undefined, dryRunParam(opts), FIELD_MANAGER));
  }

  /**
   * Replaces an object. `obj.metadata.resourceVersion` is required: the API server refuses the write
   * with 409 Conflict when the object changed since that version, so no update is lost.
   */
  async replace<T extends KubernetesObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    if (!obj.metadata?.resourceVersion) throw new KubeStatusError(422, "Invalid", "metadata.resourceVersion: required to replace an object (it guards against lost updates)");
    return this.call(`replace_${operationKind(obj)}`, () => this.objects.replace<T>(obj, undefined, dryRunParam(opts), FIELD_MANAGER));
  }

  /**
   * Deletes an object; with `resourceVersion`, only if it is still that version (409 otherwise).
   */
  async delete(key: ResourceKey, name: string, namespace: string | undefined, opts: WriteOptions & { resourceVersion?: string } = {}): Promise<void> {
    const k = RESOURCE_KINDS[key];
    const body = opts.resourceVersion ? { preconditions: { resourceVersion: opts.resourceVersion } } : undefined;
    await this.call(`delete_${key}`, () =>
      this.objects.delete({ apiVersion: k.apiVersion, kind: k.kind, metadata: { name, namespace } }, undefined, dryRunParam(opts), undefined, undefined, undefined, body),
    );
  }

  /**
   * A container's log (`pods/log`). Without `follow`, resolves to the text. With `follow`, resolves once
   * the API server has answered with a stream of text chunks that goes on until `signal` aborts, the
   * pod goes away or the server closes it. Errors (unknown container, container not started, 403, 404)
   * come out typed like every other call; a follow first asks for the last line without following, so
   * that they carry the API server's message (client-node's streaming call drops it).
   */
  async podLogs(namespace: string, pod: string, opts: PodLogOptions & { follow?: false }): Promise<string>;
  async podLogs(namespace: string, pod: string, opts: PodLogOptions & { follow: true; signal: AbortSignal }): Promise<AsyncIterable<string>>;
  async podLogs(namespace: string, pod: string, opts: PodLogOptions & { follow?: boolean; signal?: AbortSignal }): Promise<string | AsyncIterable<string>> {
    const core = this.kc.makeApiClient(CoreV1Api);
    const read = (tailLines: number | undefined) =>
      this.call("pod_logs", () =>
        core.readNamespacedPodLog({
          name: pod,
          namespace,
          container: opts.container,
          tailLines,
          sinceSeconds: opts.sinceSeconds,
          previous: opts.previous,
          timestamps: opts.timestamps,
          limitBytes: opts.limitBytes,
        }),
      );
    if (!opts.follow) return read(opts.tailLines);
    await read(1);
    const stream = new PassThrough({ encoding: "utf8" });
    const controller = await this.call("pod_logs_follow", () =>
      new Log(this.kc).log(namespace, pod, opts.container, stream, {
        follow: true,
        // client-node leaves out a tail of 0 (and then sends the whole log): ask for at least one line.
        tailLines: Math.max(1, opts.tailLines ?? 100),
        sinceSeconds: opts.sinceSeconds,
        timestamps: opts.timestamps,
      }),
    );
    const stop = () => {
      controller.abort();
      stream.end();
    };
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener("abort", stop, { once: true });
    // The aborted request errors the stream it pipes into: that is the normal end of a follow.
    stream.on("error", () => stream.end());
    return stream;
  }

  private call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const timeoutMs = getConfig().upstreamTimeoutMs;
    return observeUpstream(
      "kubernetes",
      operation,
      () => withTimeout(fn(), timeoutMs).catch((err: unknown) => Promise.reject(toKubeError(err, timeoutMs))),
      (err) => (err instanceof KubeStatusError ? `status_${err.code}` : err instanceof UpstreamUnavailableError && err.timedOut ? "timeout" : "unavailable"),
    );
  }
}

/** Options of the gateway's writes. */
export interface WriteOptions {
  /** Ask the API server to validate and answer without storing (`dryRun=All`). */
  dryRun?: boolean;
}

/** The field manager the console's writes are recorded under (`metadata.managedFields`). */
export const FIELD_MANAGER = "meshscope";

function dryRunParam(opts: WriteOptions): string | undefined {
  return opts.dryRun ? "All" : undefined;
}

function operationKind(obj: KubernetesObject): string {
  return (obj.kind ?? "object").toLowerCase();
}

/** Options of {@link KubeGateway.podLogs}. */
export interface PodLogOptions {
  container: string;
  /** Lines from the end of the log (the whole log when absent; at least 1 when following). */
  tailLines?: number;
  sinceSeconds?: number;
  /** The previous (terminated) instance of the container. */
  previous?: boolean;
  timestamps?: boolean;
  limitBytes?: number;
}

/** A gateway for an identity. Cheap enough per request; clients are built from the cached KubeConfig. */
export function kubeFor(identity: Identity): KubeGateway {
  return new KubeGateway(identity);
}

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const statusBody = z.object({
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
  details: z.object({ causes: z.array(z.object({ field: z.string().optional(), message: z.string().optional() })).optional() }).optional(),
});
type StatusBody = z.infer<typeof statusBody>;

/** Maps what client-node throws to the console's typed errors. */
export function toKubeError(err: unknown, timeoutMs: number): Error {
  if (err instanceof KubeStatusError || err instanceof UpstreamUnavailableError) return err;
  const url = safeServerUrl();
  if (err instanceof Timeout) return new UpstreamUnavailableError("kubernetes", url, `no answer within ${timeoutMs} ms`, true);
  if (err instanceof ApiException) {
    const body = parseStatus(err.body);
    const code = err.code;
    if (code >= 500 || code === 0) return new UpstreamUnavailableError("kubernetes", url, `HTTP ${code}: ${body?.message ?? "server error"}`);
    const causes = (body?.details?.causes ?? []).map((c) => ({ path: c.field ?? "(object)", message: c.message ?? "invalid" }));
    return new KubeStatusError(code, body?.reason ?? "Unknown", body?.message ?? `HTTP ${code} from the Kubernetes API`, causes);
  }
  return new UpstreamUnavailableError("kubernetes", url, describeNetworkError(err));
}

function parseStatus(body: unknown): StatusBody | undefined {
  if (typeof body === "string") {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 300) };
    }
  }
  const parsed = statusBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

function safeServerUrl(): string {
  try {
    return kubeServerUrl();
  } catch {
    return "(not configured)";
  }
}
