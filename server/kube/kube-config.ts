import "server-only";
import { KubeConfig } from "@kubernetes/client-node";
import { getConfig } from "../config";
import { UpstreamNotConfiguredError } from "../http/errors";
import type { Identity } from "./identity";

let base: KubeConfig | undefined;

/**
 * The console's own KubeConfig: `KUBECONFIG` (or ~/.kube/config) with `MESHSCOPE_KUBE_CONTEXT`, or the
 * in-cluster service account. Throws {@link UpstreamNotConfiguredError} when none can be loaded.
 */
export function consoleKubeConfig(): KubeConfig {
  if (base) return base;
  const { kube } = getConfig();
  const kc = new KubeConfig();
  try {
    if (kube.kubeconfigPath) kc.loadFromFile(kube.kubeconfigPath);
    else kc.loadFromDefault();
    if (kube.context) kc.setCurrentContext(kube.context);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UpstreamNotConfiguredError("kubernetes", `KUBECONFIG (could not load it: ${why})`);
  }
  if (!kc.getCurrentCluster()) {
    throw new UpstreamNotConfiguredError("kubernetes", "KUBECONFIG (no current cluster in it)");
  }
  base = kc;
  return kc;
}

/** The API server URL in use, for messages and `/api/readyz`. */
export function kubeServerUrl(): string {
  return consoleKubeConfig().getCurrentCluster()?.server ?? "(none)";
}

/**
 * A KubeConfig that authenticates as `identity`: the console's own for `console`; for `user`, the same
 * cluster (server, CA) with the user's bearer token and no client certificate of the console's.
 */
export function kubeConfigFor(identity: Identity): KubeConfig {
  const kc = consoleKubeConfig();
  if (identity.kind === "console") return kc;
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new UpstreamNotConfiguredError("kubernetes", "KUBECONFIG (no current cluster in it)");
  const userKc = new KubeConfig();
  userKc.loadFromClusterAndUser(cluster, { name: "meshscope-user", token: identity.token });
  return userKc;
}
