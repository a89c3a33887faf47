/**
 * Builds a {@link MeshState} from a flat list of objects (e.g. {@link seedObjects}), for tests and
 * for running the simulator without the demo Kubernetes API.
 */
import type { KubeObject, MeshState } from "../contracts";
import { synthesizePods } from "./synthetic-pods";

/** An empty state. */
export function emptyMeshState(): MeshState {
  return {
    namespaces: [],
    deployments: [],
    pods: [],
    services: [],
    virtualServices: [],
    destinationRules: [],
    gateways: [],
    serviceEntries: [],
    sidecars: [],
    peerAuthentications: [],
    authorizationPolicies: [],
  };
}

const KIND_TO_FIELD: Record<string, keyof MeshState> = {
  Namespace: "namespaces",
  Deployment: "deployments",
  Pod: "pods",
  Service: "services",
  VirtualService: "virtualServices",
  DestinationRule: "destinationRules",
  Gateway: "gateways",
  ServiceEntry: "serviceEntries",
  Sidecar: "sidecars",
  PeerAuthentication: "peerAuthentications",
  AuthorizationPolicy: "authorizationPolicies",
};

/**
 * Groups objects by kind (other kinds are dropped). With `withPods` (default true), Deployments
 * without pods in `objects` get ready pods as a controller would create them.
 */
export function meshStateFromObjects(objects: readonly KubeObject[], opts: { withPods?: boolean } = {}): MeshState {
  const state = emptyMeshState();
  for (const o of objects) {
    const field = KIND_TO_FIELD[o.kind];
    if (field) state[field].push(o);
  }
  if (opts.withPods ?? true) {
    const missing = state.deployments.filter((d) => !state.pods.some((p) => ownsPod(d, p)));
    state.pods.push(...synthesizePods(missing));
  }
  return state;
}

function ownsPod(deployment: KubeObject, pod: KubeObject): boolean {
  if (deployment.metadata.namespace !== pod.metadata.namespace) return false;
  const spec = deployment.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined;
  const selector = spec?.selector?.matchLabels ?? {};
  const labels = pod.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
