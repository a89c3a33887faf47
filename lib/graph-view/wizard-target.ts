/**
 * What the traffic wizards act on for a graph node (the graph's context menu and side panel): a
 * service node's service, an app node's app taken as its service (Istio's convention), a workload
 * node's workload. Other nodes (service entries, external hosts, callers outside the mesh) have none.
 */
import type { GraphNode } from "@/lib/graph/schema";

export interface NodeWizardTarget {
  namespace: string;
  service?: string;
  workload?: string;
}

/** The wizards' target for a node, or null when no wizard acts on it. */
export function wizardTargetOf(n: GraphNode): NodeWizardTarget | null {
  if (!n.namespace) return null;
  switch (n.type) {
    case "service":
      return n.service ? { namespace: n.namespace, service: n.service } : null;
    case "app":
      return n.app ? { namespace: n.namespace, service: n.app } : null;
    case "workload":
      return n.workload ? { namespace: n.namespace, workload: n.workload } : null;
    default:
      return null;
  }
}
