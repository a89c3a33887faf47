import type { EffectiveMtls, WizardContext } from "@/lib/wizards/api";

const MODE_CLASS: Record<string, string> = {
  STRICT: "bg-green-100 text-green-800",
  PERMISSIVE: "bg-amber-100 text-amber-800",
  DISABLE: "bg-red-100 text-red-800",
  UNSET: "bg-slate-100 text-slate-600",
};

export function ModeBadge({ mode }: { mode: string }) {
  return <span className={`rounded px-1.5 py-0.5 font-mono text-xs ${MODE_CLASS[mode] ?? ""}`}>{mode}</span>;
}

/** The effective mTLS mode of each workload now (from the context), before the wizard runs. */
export function CurrentMtls({ mtls }: { mtls: WizardContext["mtls"] }) {
  return (
    <div className="space-y-2 text-sm">
      <p>
        Namespace policy: <ModeBadge mode={mtls.namespaceMode} />
        {mtls.namespaceMode === "UNSET" && <span className="text-xs text-slate-500"> (inherits the mesh-wide policy; PERMISSIVE by default)</span>}
      </p>
      <table aria-label="Effective mTLS now" className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">Workload</th>
            <th className="py-1 font-medium">Sidecar</th>
            <th className="py-1 font-medium">Mode now</th>
          </tr>
        </thead>
        <tbody>
          {mtls.workloads.map((w) => (
            <tr key={w.workload} className="border-t border-slate-100">
              <td className="py-1 font-mono text-xs">{w.workload}</td>
              <td className="py-1">{w.sidecar ? "yes" : <span className="text-amber-700">no</span>}</td>
              <td className="py-1">
                <ModeBadge mode={w.mode} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The preview's effective mode per workload, before → after; the rows that change stand out. */
export function MtlsBeforeAfter({ rows }: { rows: EffectiveMtls[] }) {
  const changed = rows.filter((r) => r.before !== r.after).length;
  return (
    <section aria-label="Effective mTLS before and after" data-testid="mtls-before-after" className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold">
        Effective mTLS per workload: {changed} of {rows.length} change
      </h3>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">Workload</th>
            <th className="py-1 font-medium">Sidecar</th>
            <th className="py-1 font-medium">Before</th>
            <th className="py-1 font-medium">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.namespace}/${r.workload}`} data-testid="mtls-row" data-workload={r.workload} data-before={r.before} data-after={r.after} className={`border-t border-slate-100 ${r.before !== r.after ? "bg-blue-50" : ""}`}>
              <td className="py-1 font-mono text-xs">
                {r.namespace}/{r.workload}
              </td>
              <td className="py-1">{r.sidecar ? "yes" : <span className="font-medium text-amber-700">no</span>}</td>
              <td className="py-1">
                <ModeBadge mode={r.before} />
              </td>
              <td className="py-1">
                <ModeBadge mode={r.after} /> {r.before !== r.after && <span className="text-xs text-blue-700">changes</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
