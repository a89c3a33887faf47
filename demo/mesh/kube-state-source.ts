/**
 * A {@link MeshStateSource} over a Kubernetes API: one client-node informer (list + watch) per kind
 * the simulator needs, kept current by watches and restarted after errors.
 */
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  makeInformer,
  type Informer,
  type KubernetesListObject,
  type KubernetesObject,
  type ObjectCache,
} from "@kubernetes/client-node";
import type { KubeObject, MeshState, MeshStateSource } from "../contracts";
import { emptyMeshState } from "./state-from-objects";

interface KindSpec {
  field: keyof MeshState;
  apiVersion: string;
  kind: string;
  /** Watch path (all namespaces). */
  path: string;
  list: () => Promise<KubernetesListObject<KubernetesObject>>;
  /** Items of typed lists are client-node models (Dates…): turned back into plain JSON. */
  typed?: boolean;
}

const ISTIO_KINDS: Array<[keyof MeshState, string, string, string]> = [
  ["virtualServices", "networking.istio.io", "VirtualService", "virtualservices"],
  ["destinationRules", "networking.istio.io", "DestinationRule", "destinationrules"],
  ["gateways", "networking.istio.io", "Gateway", "gateways"],
  ["serviceEntries", "networking.istio.io", "ServiceEntry", "serviceentries"],
  ["sidecars", "networking.istio.io", "Sidecar", "sidecars"],
  ["peerAuthentications", "security.istio.io", "PeerAuthentication", "peerauthentications"],
  ["authorizationPolicies", "security.istio.io", "AuthorizationPolicy", "authorizationpolicies"],
];

function kindSpecs(kc: KubeConfig): KindSpec[] {
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const typed = <T extends KubernetesObject>(fn: () => Promise<KubernetesListObject<T>>) => fn as () => Promise<KubernetesListObject<KubernetesObject>>;
  return [
    { field: "namespaces", apiVersion: "v1", kind: "Namespace", path: "/api/v1/namespaces", list: typed(() => core.listNamespace()), typed: true },
    { field: "deployments", apiVersion: "apps/v1", kind: "Deployment", path: "/apis/apps/v1/deployments", list: typed(() => apps.listDeploymentForAllNamespaces()), typed: true },
    { field: "pods", apiVersion: "v1", kind: "Pod", path: "/api/v1/pods", list: typed(() => core.listPodForAllNamespaces()), typed: true },
    { field: "services", apiVersion: "v1", kind: "Service", path: "/api/v1/services", list: typed(() => core.listServiceForAllNamespaces()), typed: true },
    ...ISTIO_KINDS.map(([field, group, kind, plural]): KindSpec => ({
      field,
      apiVersion: `${group}/v1`,
      kind,
      path: `/apis/${group}/v1/${plural}`,
      list: () => custom.listClusterCustomObject({ group, version: "v1", plural }) as Promise<KubernetesListObject<KubernetesObject>>,
    })),
  ];
}

/**
 * Plain JSON with apiVersion/kind, whether it came from a typed list or a watch event. A JSON round
 * trip is exact for these kinds: their client-node models rename no property (only Dates change).
 */
function toKubeObject(spec: KindSpec, item: KubernetesObject): KubeObject {
  const plain = (spec.typed ? JSON.parse(JSON.stringify(item)) : item) as KubeObject;
  return { ...plain, apiVersion: plain.apiVersion ?? spec.apiVersion, kind: plain.kind ?? spec.kind };
}

export interface KubeMeshStateSourceOptions {
  /** Delay before restarting an informer after an error (default 1000 ms). */
  restartDelayMs?: number;
}

/** Watches the cluster behind `kubeconfigPath` (its current context). */
export function createKubeMeshStateSource(kubeconfigPath: string, opts: KubeMeshStateSourceOptions = {}): MeshStateSource {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const specs = kindSpecs(kc);
  const listeners = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  let snapshot: MeshState | undefined;
  let pending = specs.length;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const changed = (): void => {
    snapshot = undefined;
    for (const l of [...listeners]) l();
  };

  const informers = specs.map((spec) => {
    let listed = false;
    const list = async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const result = await spec.list();
      const items = (result.items ?? []).map((i) => toKubeObject(spec, i) as KubernetesObject);
      // The informer fills its cache synchronously after this promise settles: report after that.
      setImmediate(() => {
        if (!listed) {
          listed = true;
          if (--pending === 0) resolveReady();
        }
        changed();
      });
      return { ...result, items };
    };
    const informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject> = makeInformer(kc, spec.path, list);
    informer.on("add", changed);
    informer.on("update", changed);
    informer.on("delete", changed);
    informer.on("error", () => {
      if (stopped) return;
      const t = setTimeout(() => {
        timers.delete(t);
        if (!stopped) void informer.start().catch(() => undefined);
      }, opts.restartDelayMs ?? 1000);
      timers.add(t);
    });
    return { spec, informer };
  });
  for (const { informer } of informers) void informer.start().catch(() => undefined);

  return {
    current() {
      if (snapshot) return snapshot;
      const state = emptyMeshState();
      for (const { spec, informer } of informers) state[spec.field] = informer.list().map((o) => toKubeObject({ ...spec, typed: false }, o));
      snapshot = state;
      return state;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => readyPromise,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      listeners.clear();
      for (const { informer } of informers) void informer.stop().catch(() => undefined);
    },
  };
}
