import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { RESOURCE_KINDS, type ResourceKey } from "@/lib/kube/resource-kinds";
import { KubeStatusError, UpstreamUnavailableError } from "../http/errors";
import { kubeCache } from "./cache";
import { kubeFor } from "./gateway";
import type { Identity } from "./identity";
import { kubeServerUrl } from "./kube-config";

/** Reads lists of a kind on behalf of one identity. */
export interface KubeReader {
  list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]): Promise<T[]>;
}

/**
 * The reader for an identity. The console's own identity reads the shared watch-fed cache; a user's
 * token reads the API server directly with that token, so the user sees exactly what their RBAC allows
 * (the shared cache holds what the console may read, which may be more).
 */
export function kubeReader(identity: Identity): KubeReader {
  return identity.kind === "console" ? cacheReader() : directReader(identity);
}

function cacheReader(): KubeReader {
  return {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      const cache = kubeCache();
      await cache.waitForSync(5_000);
      const status = cache.status(key);
      if (status?.notInstalled) {
        throw new KubeStatusError(404, "NotFound", `the cluster does not serve ${RESOURCE_KINDS[key].kind} (${RESOURCE_KINDS[key].apiVersion})`);
      }
      // Like a direct list with credentials that may not: callers that can do without the kind go on.
      if (status?.forbidden) throw new KubeStatusError(403, "Forbidden", status.lastError ?? `the console may not list ${key}`);
      // Never serve an empty list as if it were the truth: a kind that never synced is a failure.
      if (status && !status.synced && !status.notInstalled && status.count === 0) {
        throw new UpstreamUnavailableError("kubernetes", kubeServerUrl(), status.lastError ?? `${key} not listed yet`);
      }
      return cache.list<T>(key, namespaces);
    },
  };
}

function directReader(identity: Identity): KubeReader {
  const gateway = kubeFor(identity);
  return {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      if (!namespaces || !RESOURCE_KINDS[key].namespaced) return (await gateway.list<T>(key)).items;
      const lists = await Promise.all(namespaces.map((ns) => gateway.list<T>(key, ns)));
      return lists.flatMap((l) => l.items);
    },
  };
}
