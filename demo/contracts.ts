/**
 * Contracts between the parts of the demo mesh, so that each part can be built and tested alone:
 * - the Kubernetes API (demo/kube-api) serves pod logs from a {@link PodLogSource};
 * - the mesh simulator (demo/mesh) reads the cluster through a {@link MeshStateSource}, whose
 *   production implementation watches the demo Kubernetes API with @kubernetes/client-node.
 */

/** A Kubernetes object as JSON (apiVersion, kind, metadata, spec, status, …). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface LogLine {
  time: Date;
  text: string;
}

/** Where the demo Kubernetes API reads the logs of `pods/log` from. */
export interface PodLogSource {
  /** Buffered lines of one container, oldest first; undefined when the container is unknown. */
  lines(namespace: string, pod: string, container: string): LogLine[] | undefined;
  /** Called with each new line of that container (for `follow=true`); returns an unsubscribe function. */
  subscribe(namespace: string, pod: string, container: string, onLine: (line: LogLine) => void): () => void;
}

/** The slice of cluster state that decides how simulated traffic flows. */
export interface MeshState {
  namespaces: KubeObject[];
  deployments: KubeObject[];
  pods: KubeObject[];
  services: KubeObject[];
  virtualServices: KubeObject[];
  destinationRules: KubeObject[];
  gateways: KubeObject[];
  serviceEntries: KubeObject[];
  sidecars: KubeObject[];
  peerAuthentications: KubeObject[];
  authorizationPolicies: KubeObject[];
}

export interface MeshStateSource {
  /** The latest state seen; cheap to call on every simulated request. */
  current(): MeshState;
  /** Called after any change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Resolves once the initial lists have been received. */
  ready(): Promise<void>;
  stop(): void;
}
