/**
 * Strategic-merge-patch metadata of the built-in kinds: which lists merge by which key
 * (`patchMergeKey`/`patchStrategy` struct tags of k8s.io/api), which maps honour `$retainKeys`.
 */

/** How one field merges. */
export interface PatchMeta {
  /** Metadata of the fields of a map (or of each element of a list). */
  fields?: Record<string, PatchMeta>;
  /** For lists of maps: the key that identifies an element. */
  mergeKey?: string;
  /** `merge` for lists merged by key or as sets, `retainKeys` for unions; absent means replace. */
  strategy?: "merge" | "retainKeys" | "merge,retainKeys";
}

const byKey = (mergeKey: string, fields?: Record<string, PatchMeta>): PatchMeta => ({
  mergeKey,
  strategy: "merge",
  ...(fields ? { fields } : {}),
});

const conditions = byKey("type");

const container: Record<string, PatchMeta> = {
  ports: byKey("containerPort"),
  env: byKey("name"),
  volumeMounts: byKey("mountPath"),
  volumeDevices: byKey("devicePath"),
  resizePolicy: byKey("resourceName"),
};

const podSpec: PatchMeta = {
  fields: {
    containers: byKey("name", container),
    initContainers: byKey("name", container),
    ephemeralContainers: byKey("name", container),
    volumes: { mergeKey: "name", strategy: "merge,retainKeys" },
    imagePullSecrets: byKey("name"),
    hostAliases: byKey("ip"),
    topologySpreadConstraints: byKey("topologyKey"),
    resourceClaims: { mergeKey: "name", strategy: "merge,retainKeys" },
    schedulingGates: byKey("name"),
  },
};

const objectMeta: PatchMeta = {
  fields: { ownerReferences: byKey("uid"), finalizers: { strategy: "merge" } },
};

const podTemplate: PatchMeta = { fields: { metadata: objectMeta, spec: podSpec } };

const workload: PatchMeta = {
  fields: {
    metadata: objectMeta,
    spec: { fields: { template: podTemplate, strategy: { strategy: "retainKeys" } } },
    status: { fields: { conditions } },
  },
};

/** Patch metadata by kind, for the built-in kinds; other kinds merge lists atomically. */
export const PATCH_META: Record<string, PatchMeta> = {
  Pod: {
    fields: {
      metadata: objectMeta,
      spec: podSpec,
      status: { fields: { conditions, podIPs: byKey("ip"), hostIPs: byKey("ip") } },
    },
  },
  Deployment: workload,
  ReplicaSet: workload,
  Service: {
    fields: {
      metadata: objectMeta,
      spec: { fields: { ports: byKey("port") } },
      status: { fields: { conditions } },
    },
  },
  ServiceAccount: { fields: { metadata: objectMeta, secrets: byKey("name"), imagePullSecrets: byKey("name") } },
  Node: {
    fields: {
      metadata: objectMeta,
      status: { fields: { conditions, addresses: byKey("type") } },
    },
  },
  Namespace: { fields: { metadata: objectMeta, status: { fields: { conditions } } } },
  CustomResourceDefinition: { fields: { metadata: objectMeta, status: { fields: { conditions } } } },
  ConfigMap: { fields: { metadata: objectMeta } },
  Endpoints: { fields: { metadata: objectMeta } },
  Event: { fields: { metadata: objectMeta } },
};
