/**
 * Table columns of the built-in kinds, as the API server prints them for `kubectl get`
 * (k8s.io/kubernetes/pkg/printers/internalversion/printers.go): definitions and the cells of one object.
 */
import type { KubeObject } from "../contracts";
import { ageOf } from "./age";
import { containerImages, containerNames, endpointsText, externalIp, nodeAddress, nodeReady, podStatus, servicePorts, templateSpec } from "./column-cells";
import { asArray, asNumber, asRecord, asString } from "./json";
import { formatLabelSelector } from "./selectors";

/** A `meta.k8s.io/v1` TableColumnDefinition. */
export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A cell value. */
export type Cell = string | number | boolean | null;

/** Columns and cell function of a kind. */
export interface KindColumns {
  columns: ColumnDefinition[];
  cells(object: KubeObject, now: number): Cell[];
}

const col = (name: string, type: string, description: string, priority = 0, format = ""): ColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});

/** The Name column every table starts with. */
export const NAME_COLUMN = col(
  "Name",
  "string",
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
  0,
  "name",
);
const AGE = col("Age", "string", "CreationTimestamp is a timestamp representing the server time when this object was created.");

const age = (o: KubeObject, now: number): string => ageOf(o.metadata.creationTimestamp, now);
const spec = (o: KubeObject): Record<string, unknown> => asRecord(o["spec"]) ?? {};
const status = (o: KubeObject): Record<string, unknown> => asRecord(o["status"]) ?? {};
const num = (v: unknown): number => asNumber(v) ?? 0;

/** Columns of the built-in kinds by kind. */
export const BUILTIN_COLUMNS: Record<string, KindColumns> = {
  Pod: {
    columns: [
      NAME_COLUMN,
      col("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
      col("Status", "string", "The aggregate status of the containers in this pod."),
      col("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
      AGE,
      col("IP", "string", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
      col("Node", "string", "NodeName is a request to schedule this pod onto a specific node.", 1),
      col("Nominated Node", "string", "nominatedNodeName is set when this pod preempts other pods on the node.", 1),
      col("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness.", 1),
    ],
    cells: (o, now) => {
      const s = podStatus(o, now);
      const gates = asArray(spec(o)["readinessGates"]);
      return [
        o.metadata.name,
        s.ready,
        s.reason,
        s.restarts,
        age(o, now),
        asString(status(o)["podIP"]) ?? "<none>",
        asString(spec(o)["nodeName"]) ?? "<none>",
        asString(status(o)["nominatedNodeName"]) ?? "<none>",
        gates.length > 0 ? `0/${gates.length}` : "<none>",
      ];
    },
  },
  Deployment: {
    columns: [
      NAME_COLUMN,
      col("Ready", "string", "Number of the pod with ready state"),
      col("Up-to-date", "integer", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
      col("Available", "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
      AGE,
      col("Containers", "string", "Names of each container in the template.", 1),
      col("Images", "string", "Images referenced by each container in the template.", 1),
      col("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
    ],
    cells: (o, now) => [
      o.metadata.name,
      `${num(status(o)["readyReplicas"])}/${num(spec(o)["replicas"] ?? 1)}`,
      num(status(o)["updatedReplicas"]),
      num(status(o)["availableReplicas"]),
      age(o, now),
      containerNames(templateSpec(o)),
      containerImages(templateSpec(o)),
      formatLabelSelector(spec(o)["selector"]),
    ],
  },
  ReplicaSet: {
    columns: [
      NAME_COLUMN,
      col("Desired", "integer", "Replicas is the number of desired replicas."),
      col("Current", "integer", "Replicas is the most recently observed number of replicas."),
      col("Ready", "integer", "The number of ready replicas for this replica set."),
      AGE,
      col("Containers", "string", "Names of each container in the template.", 1),
      col("Images", "string", "Images referenced by each container in the template.", 1),
      col("Selector", "string", "Selector is a label query over pods that should match the replica count.", 1),
    ],
    cells: (o, now) => [
      o.metadata.name,
      num(spec(o)["replicas"] ?? 1),
      num(status(o)["replicas"]),
      num(status(o)["readyReplicas"]),
      age(o, now),
      containerNames(templateSpec(o)),
      containerImages(templateSpec(o)),
      formatLabelSelector(spec(o)["selector"]),
    ],
  },
  Service: {
    columns: [
      NAME_COLUMN,
      col("Type", "string", "type determines how the Service is exposed."),
      col("Cluster-IP", "string", "clusterIP is the IP address of the service and is usually assigned randomly."),
      col("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
      col("Port(s)", "string", "The list of ports that are exposed by this service."),
      AGE,
      col("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1),
    ],
    cells: (o, now) => {
      const selector = asRecord(spec(o)["selector"]);
      const selectorText = selector && Object.keys(selector).length > 0 ? Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).sort().join(",") : "<none>";
      return [
        o.metadata.name,
        asString(spec(o)["type"]) ?? "ClusterIP",
        asString(spec(o)["clusterIP"]) || "<none>",
        externalIp(o),
        servicePorts(o),
        age(o, now),
        selectorText,
      ];
    },
  },
  Endpoints: {
    columns: [NAME_COLUMN, col("Endpoints", "string", "Endpoints of this service."), AGE],
    cells: (o, now) => [o.metadata.name, endpointsText(o), age(o, now)],
  },
  Namespace: {
    columns: [NAME_COLUMN, col("Status", "string", "The status of the namespace"), AGE],
    cells: (o, now) => [o.metadata.name, asString(status(o)["phase"]) ?? "Active", age(o, now)],
  },
  ConfigMap: {
    columns: [NAME_COLUMN, col("Data", "integer", "Data contains the configuration data."), AGE],
    cells: (o, now) => [
      o.metadata.name,
      Object.keys(asRecord(o["data"]) ?? {}).length + Object.keys(asRecord(o["binaryData"]) ?? {}).length,
      age(o, now),
    ],
  },
  ServiceAccount: {
    columns: [NAME_COLUMN, col("Secrets", "integer", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."), AGE],
    cells: (o, now) => [o.metadata.name, asArray(o["secrets"]).length, age(o, now)],
  },
  Node: {
    columns: [
      NAME_COLUMN,
      col("Status", "string", "The status of the node"),
      col("Roles", "string", "The roles of the node"),
      AGE,
      col("Version", "string", "Kubelet Version reported by the node."),
      col("Internal-IP", "string", "List of addresses reachable to the node. Queried from cloud provider, if available.", 1),
      col("External-IP", "string", "List of addresses reachable to the node. Queried from cloud provider, if available.", 1),
      col("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
      col("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
      col("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
    ],
    cells: (o, now) => {
      const info = asRecord(status(o)["nodeInfo"]) ?? {};
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith("node-role.kubernetes.io/"))
        .map((k) => k.slice("node-role.kubernetes.io/".length));
      return [
        o.metadata.name,
        nodeReady(o),
        roles.length > 0 ? roles.join(",") : "<none>",
        age(o, now),
        String(info["kubeletVersion"] ?? ""),
        nodeAddress(o, "InternalIP"),
        nodeAddress(o, "ExternalIP"),
        String(info["osImage"] ?? "<unknown>"),
        String(info["kernelVersion"] ?? "<unknown>"),
        String(info["containerRuntimeVersion"] ?? "<unknown>"),
      ];
    },
  },
  Event: {
    columns: [
      col("Last Seen", "string", "Time when this Event was last observed."),
      col("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future."),
      col("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
      col("Object", "string", "The object that this event is about."),
      col("Subobject", "string", "The subobject that this event is about.", 1),
      col("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
      col("Message", "string", "A human-readable description of the status of this operation."),
      col("First Seen", "string", "The time at which the event was first recorded.", 1),
      col("Count", "integer", "The number of times this event has occurred.", 1),
      { ...NAME_COLUMN, priority: 1 },
    ],
    cells: (o, now) => {
      const involved = asRecord(o["involvedObject"]) ?? {};
      const last = o["lastTimestamp"] ?? o["eventTime"] ?? o.metadata.creationTimestamp;
      return [
        ageOf(last, now),
        String(o["type"] ?? ""),
        String(o["reason"] ?? ""),
        `${String(involved["kind"] ?? "").toLowerCase()}/${String(involved["name"] ?? "")}`,
        String(involved["fieldPath"] ?? ""),
        String(asRecord(o["source"])?.["component"] ?? ""),
        String(o["message"] ?? ""),
        ageOf(o["firstTimestamp"] ?? last, now),
        num(o["count"] ?? 1),
        o.metadata.name,
      ];
    },
  },
  CustomResourceDefinition: {
    columns: [NAME_COLUMN, col("Created At", "date", "CreationTimestamp is a timestamp representing the server time when this object was created.")],
    cells: (o) => [o.metadata.name, String(o.metadata.creationTimestamp ?? "")],
  },
};
