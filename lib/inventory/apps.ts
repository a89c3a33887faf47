import type { AppSummary, WorkloadSummary } from "@/lib/api/schemas";

/**
 * Applications: workloads grouped by namespace and `app` label (Istio's notion of an app, whose
 * versions are the workloads' `version` labels). Workloads without an app label are not apps.
 */
export function toAppSummaries(workloads: WorkloadSummary[]): AppSummary[] {
  const byKey = new Map<string, AppSummary>();
  for (const w of workloads) {
    if (!w.app) continue;
    const key = `${w.namespace}/${w.app}`;
    const app = byKey.get(key) ?? {
      namespace: w.namespace,
      name: w.app,
      versions: [],
      workloads: [],
      desiredReplicas: 0,
      availableReplicas: 0,
      sidecar: w.sidecar,
    };
    if (w.version && !app.versions.includes(w.version)) app.versions.push(w.version);
    app.workloads.push(w.name);
    app.desiredReplicas += w.desiredReplicas;
    app.availableReplicas += w.availableReplicas;
    if (app.sidecar !== w.sidecar) app.sidecar = "partial";
    byKey.set(key, app);
  }
  return [...byKey.values()]
    .map((a) => ({ ...a, versions: a.versions.sort(), workloads: a.workloads.sort() }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
