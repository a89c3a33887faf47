/**
 * What the server knows about each resource it serves: the built-in kinds below, plus one entry per
 * served version of every CustomResourceDefinition in the store (see crd.ts).
 */

/** A subresource such as `pods/log` or `deployments/scale`. */
export interface SubresourceType {
  name: string;
  kind: string;
  /** Set when the subresource answers with another group's kind (`Scale` is autoscaling/v1). */
  group?: string;
  version?: string;
  verbs: string[];
}

/** An `additionalPrinterColumns` entry of a CRD version. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** One resource of one group version. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceType[];
  /** Compiled into Kubernetes: strategic merge patch allowed; list items carry no apiVersion/kind. */
  builtIn: boolean;
  /** Key shared by every version of the resource, under which the store keeps its objects. */
  storageKey: string;
  /** Columns of CRDs (built-in kinds have their columns in table-columns.ts). */
  printerColumns?: PrinterColumn[];
  /** `openAPIV3Schema` of a CRD version. */
  schema?: Record<string, unknown>;
  /** Create-only reviews that are answered, never stored (SelfSubjectAccessReview and friends). */
  review?: boolean;
}

/** The verbs of an ordinary resource. */
export const STANDARD_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

const STATUS_VERBS = ["get", "patch", "update"];

interface BuiltinSpec {
  group: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  subresources?: SubresourceType[];
  review?: boolean;
}

function builtin(spec: BuiltinSpec): ResourceType {
  const type: ResourceType = {
    group: spec.group,
    version: "v1",
    plural: spec.plural,
    singular: spec.kind.toLowerCase(),
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    verbs: spec.verbs ?? STANDARD_VERBS,
    subresources: spec.subresources ?? [],
    builtIn: true,
    storageKey: `${spec.group}/${spec.plural}`,
  };
  if (spec.review) type.review = true;
  return type;
}

const status = (kind: string): SubresourceType => ({ name: "status", kind, verbs: STATUS_VERBS });
const scale: SubresourceType = { name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: STATUS_VERBS };

/** The built-in resources, in the order the real server lists them. */
export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  builtin({ group: "", plural: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"] }),
  builtin({ group: "", plural: "endpoints", kind: "Endpoints", namespaced: true, shortNames: ["ep"] }),
  builtin({ group: "", plural: "events", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  builtin({
    group: "",
    plural: "namespaces",
    kind: "Namespace",
    namespaced: false,
    shortNames: ["ns"],
    verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
    subresources: [{ name: "finalize", kind: "Namespace", verbs: ["update"] }, status("Namespace")],
  }),
  builtin({ group: "", plural: "nodes", kind: "Node", namespaced: false, shortNames: ["no"], subresources: [status("Node")] }),
  builtin({
    group: "",
    plural: "pods",
    kind: "Pod",
    namespaced: true,
    shortNames: ["po"],
    categories: ["all"],
    subresources: [{ name: "log", kind: "Pod", verbs: ["get"] }, status("Pod")],
  }),
  builtin({ group: "", plural: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"] }),
  builtin({
    group: "",
    plural: "services",
    kind: "Service",
    namespaced: true,
    shortNames: ["svc"],
    categories: ["all"],
    verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
    subresources: [status("Service")],
  }),
  builtin({
    group: "apps",
    plural: "deployments",
    kind: "Deployment",
    namespaced: true,
    shortNames: ["deploy"],
    categories: ["all"],
    subresources: [scale, status("Deployment")],
  }),
  builtin({
    group: "apps",
    plural: "replicasets",
    kind: "ReplicaSet",
    namespaced: true,
    shortNames: ["rs"],
    categories: ["all"],
    subresources: [scale, status("ReplicaSet")],
  }),
  builtin({
    group: "apiextensions.k8s.io",
    plural: "customresourcedefinitions",
    kind: "CustomResourceDefinition",
    namespaced: false,
    shortNames: ["crd", "crds"],
    categories: ["api-extensions"],
    subresources: [status("CustomResourceDefinition")],
  }),
  builtin({ group: "authentication.k8s.io", plural: "selfsubjectreviews", kind: "SelfSubjectReview", namespaced: false, verbs: ["create"], review: true }),
  builtin({ group: "authorization.k8s.io", plural: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview", namespaced: false, verbs: ["create"], review: true }),
  builtin({ group: "authorization.k8s.io", plural: "selfsubjectrulesreviews", kind: "SelfSubjectRulesReview", namespaced: false, verbs: ["create"], review: true }),
];

/** `apps/v1` or `v1`. */
export function apiVersionOf(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** True when the resource has a `status` subresource (status is then ignored on the main resource). */
export function hasStatusSubresource(type: ResourceType): boolean {
  return type.subresources.some((s) => s.name === "status");
}

/**
 * Orders versions as Kubernetes does: GA before beta before alpha, higher numbers first, others last
 * (k8s.io/apimachinery/pkg/version.CompareKubeAwareVersionStrings).
 */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const stage = m[2] === "alpha" ? 1 : m[2] === "beta" ? 2 : 3;
    return [stage, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [sa, ma, na] = rank(a);
  const [sb, mb, nb] = rank(b);
  if (sa === 0 && sb === 0) return a.localeCompare(b);
  if (sa !== sb) return sb - sa;
  if (ma !== mb) return mb - ma;
  return nb - na;
}
