import type { V1Deployment, V1Service } from "@kubernetes/client-node";
import type { ServiceSummary } from "@/lib/api/schemas";
import { toIsoTimestamp } from "@/lib/kube/timestamps";
import { matchesSelector } from "./workloads";

/** Services with their ports and the workloads (Deployments) whose pod template their selector matches. */
export function toServiceSummaries(services: V1Service[], deployments: V1Deployment[]): ServiceSummary[] {
  // Index by namespace: matching every service against every deployment of the cluster is
  // quadratic (9 million selector checks at 3,000 of each).
  const byNs = new Map<string, V1Deployment[]>();
  for (const d of deployments) {
    const ns = d.metadata?.namespace ?? "";
    const list = byNs.get(ns);
    if (list) list.push(d);
    else byNs.set(ns, [d]);
  }
  return services
    .map((s): ServiceSummary => {
      const namespace = s.metadata?.namespace ?? "";
      const selector = s.spec?.selector ?? {};
      return {
        namespace,
        name: s.metadata?.name ?? "",
        type: s.spec?.type ?? "ClusterIP",
        clusterIP: s.spec?.clusterIP,
        ports: (s.spec?.ports ?? []).map((p) => ({
          name: p.name,
          port: p.port,
          protocol: p.protocol ?? "TCP",
          targetPort: p.targetPort === undefined ? undefined : String(p.targetPort),
        })),
        selector,
        labels: s.metadata?.labels ?? {},
        workloads: (byNs.get(namespace) ?? [])
          .filter((d) => matchesSelector(selector, d.spec?.template.metadata?.labels))
          .map((d) => d.metadata?.name ?? "")
          .sort(),
        created: toIsoTimestamp(s.metadata?.creationTimestamp),
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
