/**
 * Field numbers of the k8s.io/api and apimachinery protobuf messages (generated.proto) for the kinds
 * kubectl's typed commands create: Namespace, ConfigMap, ServiceAccount, Service, Deployment,
 * ReplicaSet and Pod. Fields not listed are skipped when decoding.
 */

/** How one field decodes: a scalar or a message of {@link MESSAGES}. */
export interface FieldDef {
  name: string;
  type: "string" | "int" | "bool" | "bytes" | string;
  repeated?: boolean;
  /** `map<string, type>` (entries are messages with key = 1, value = 2). */
  map?: boolean;
  /** A pointer field in Go: its zero value is kept (others are dropped, as `omitempty` does). */
  ptr?: boolean;
}

/** Field number → field. */
export type MessageDef = Record<number, FieldDef>;

const s = (name: string): FieldDef => ({ name, type: "string" });
const i = (name: string): FieldDef => ({ name, type: "int" });
const b = (name: string): FieldDef => ({ name, type: "bool" });
const m = (name: string, type: string): FieldDef => ({ name, type });
const list = (name: string, type: string): FieldDef => ({ name, type, repeated: true });
const map = (name: string, type = "string"): FieldDef => ({ name, type, map: true });
const ptr = (def: FieldDef): FieldDef => ({ ...def, ptr: true });

/** Message definitions by name. */
export const MESSAGES: Record<string, MessageDef> = {
  Time: { 1: i("seconds"), 2: i("nanos") },
  IntOrString: { 1: i("type"), 2: i("intVal"), 3: s("strVal") },
  Quantity: { 1: s("string") },
  ObjectMeta: {
    1: s("name"),
    2: s("generateName"),
    3: s("namespace"),
    5: s("uid"),
    6: s("resourceVersion"),
    7: i("generation"),
    8: m("creationTimestamp", "Time"),
    11: map("labels"),
    12: map("annotations"),
    13: list("ownerReferences", "OwnerReference"),
    14: list("finalizers", "string"),
  },
  OwnerReference: { 1: s("kind"), 3: s("name"), 4: s("uid"), 5: s("apiVersion"), 6: ptr(b("controller")), 7: ptr(b("blockOwnerDeletion")) },
  LabelSelector: { 1: map("matchLabels"), 2: list("matchExpressions", "LabelSelectorRequirement") },
  LabelSelectorRequirement: { 1: s("key"), 2: s("operator"), 3: list("values", "string") },
  LocalObjectReference: { 1: s("name") },
  ObjectReference: { 1: s("kind"), 2: s("namespace"), 3: s("name"), 4: s("uid"), 5: s("apiVersion"), 6: s("resourceVersion"), 7: s("fieldPath") },

  Namespace: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "NamespaceSpec"), 3: m("status", "NamespaceStatus") },
  NamespaceSpec: { 1: list("finalizers", "string") },
  NamespaceStatus: { 1: s("phase") },
  ConfigMap: { 1: m("metadata", "ObjectMeta"), 2: map("data"), 3: map("binaryData", "bytes"), 4: ptr(b("immutable")) },
  ServiceAccount: {
    1: m("metadata", "ObjectMeta"),
    2: list("secrets", "ObjectReference"),
    3: list("imagePullSecrets", "LocalObjectReference"),
    4: ptr(b("automountServiceAccountToken")),
  },

  Service: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "ServiceSpec"), 3: m("status", "Empty") },
  ServiceSpec: {
    1: list("ports", "ServicePort"),
    2: map("selector"),
    3: s("clusterIP"),
    4: s("type"),
    5: list("externalIPs", "string"),
    7: s("sessionAffinity"),
    8: s("loadBalancerIP"),
    9: list("loadBalancerSourceRanges", "string"),
    10: s("externalName"),
    11: s("externalTrafficPolicy"),
    12: i("healthCheckNodePort"),
    13: b("publishNotReadyAddresses"),
    17: ptr(s("ipFamilyPolicy")),
    18: list("clusterIPs", "string"),
    19: list("ipFamilies", "string"),
    20: ptr(b("allocateLoadBalancerNodePorts")),
    21: ptr(s("loadBalancerClass")),
    22: ptr(s("internalTrafficPolicy")),
  },
  ServicePort: { 1: s("name"), 2: s("protocol"), 3: i("port"), 4: m("targetPort", "IntOrString"), 5: i("nodePort"), 6: s("appProtocol") },
  Empty: {},

  Deployment: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "DeploymentSpec"), 3: m("status", "Empty") },
  DeploymentSpec: {
    1: ptr(i("replicas")),
    2: m("selector", "LabelSelector"),
    3: m("template", "PodTemplateSpec"),
    4: m("strategy", "DeploymentStrategy"),
    5: i("minReadySeconds"),
    6: ptr(i("revisionHistoryLimit")),
    7: b("paused"),
    9: ptr(i("progressDeadlineSeconds")),
  },
  DeploymentStrategy: { 1: s("type"), 2: m("rollingUpdate", "RollingUpdateDeployment") },
  RollingUpdateDeployment: { 1: m("maxUnavailable", "IntOrString"), 2: m("maxSurge", "IntOrString") },
  ReplicaSet: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "ReplicaSetSpec"), 3: m("status", "Empty") },
  ReplicaSetSpec: { 1: ptr(i("replicas")), 2: m("selector", "LabelSelector"), 3: m("template", "PodTemplateSpec"), 4: i("minReadySeconds") },

  PodTemplateSpec: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "PodSpec") },
  Pod: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "PodSpec"), 3: m("status", "Empty") },
  PodSpec: {
    1: list("volumes", "Volume"),
    2: list("containers", "Container"),
    3: s("restartPolicy"),
    4: ptr(i("terminationGracePeriodSeconds")),
    5: ptr(i("activeDeadlineSeconds")),
    6: s("dnsPolicy"),
    7: map("nodeSelector"),
    8: s("serviceAccountName"),
    9: s("serviceAccount"),
    10: s("nodeName"),
    11: b("hostNetwork"),
    14: m("securityContext", "Empty"),
    15: list("imagePullSecrets", "LocalObjectReference"),
    16: s("hostname"),
    17: s("subdomain"),
    19: s("schedulerName"),
    20: list("initContainers", "Container"),
    21: ptr(b("automountServiceAccountToken")),
    24: s("priorityClassName"),
    25: ptr(i("priority")),
    30: ptr(b("enableServiceLinks")),
    31: ptr(s("preemptionPolicy")),
  },
  Volume: { 1: s("name") },
  Container: {
    1: s("name"),
    2: s("image"),
    3: list("command", "string"),
    4: list("args", "string"),
    5: s("workingDir"),
    6: list("ports", "ContainerPort"),
    7: list("env", "EnvVar"),
    8: m("resources", "ResourceRequirements"),
    9: list("volumeMounts", "VolumeMount"),
    13: s("terminationMessagePath"),
    14: s("imagePullPolicy"),
    16: b("stdin"),
    17: b("stdinOnce"),
    18: b("tty"),
    20: s("terminationMessagePolicy"),
    24: ptr(s("restartPolicy")),
  },
  ContainerPort: { 1: s("name"), 2: i("hostPort"), 3: i("containerPort"), 4: s("protocol"), 5: s("hostIP") },
  EnvVar: { 1: s("name"), 2: s("value") },
  VolumeMount: { 1: s("name"), 2: b("readOnly"), 3: s("mountPath"), 4: s("subPath") },
  ResourceRequirements: { 1: map("limits", "Quantity"), 2: map("requests", "Quantity") },

  SelfSubjectAccessReview: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "SelfSubjectAccessReviewSpec") },
  SelfSubjectAccessReviewSpec: { 1: m("resourceAttributes", "ResourceAttributes"), 2: m("nonResourceAttributes", "NonResourceAttributes") },
  ResourceAttributes: { 1: s("namespace"), 2: s("verb"), 3: s("group"), 4: s("version"), 5: s("resource"), 6: s("subresource"), 7: s("name") },
  NonResourceAttributes: { 1: s("path"), 2: s("verb") },
  SelfSubjectRulesReview: { 1: m("metadata", "ObjectMeta"), 2: m("spec", "SelfSubjectRulesReviewSpec") },
  SelfSubjectRulesReviewSpec: { 1: s("namespace") },
  SelfSubjectReview: { 1: m("metadata", "ObjectMeta") },
};

/** The message of each `apiVersion/kind` that may arrive as protobuf. */
export const KIND_MESSAGES: Record<string, string> = {
  "v1/Namespace": "Namespace",
  "v1/ConfigMap": "ConfigMap",
  "v1/ServiceAccount": "ServiceAccount",
  "v1/Service": "Service",
  "v1/Pod": "Pod",
  "apps/v1/Deployment": "Deployment",
  "apps/v1/ReplicaSet": "ReplicaSet",
  "authorization.k8s.io/v1/SelfSubjectAccessReview": "SelfSubjectAccessReview",
  "authorization.k8s.io/v1/SelfSubjectRulesReview": "SelfSubjectRulesReview",
  "authentication.k8s.io/v1/SelfSubjectReview": "SelfSubjectReview",
};
