import "server-only";
import {
  ApiException,
  KubernetesObjectApi,
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

  constructor(readonly identity: Identity) {
    const kc = kubeConfigFor(identity);
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

const statusBody = z.object({ message: z.string().optional(), reason: z.string().optional(), code: z.number().optional() });
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
    return new KubeStatusError(code, body?.reason ?? "Unknown", body?.message ?? `HTTP ${code} from the Kubernetes API`);
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
