import type { WizardContext } from "@/lib/wizards/api";

/** What the wizard starts from that the user should know: sources that failed, and the objects for the host. */
export function ContextNotes({ context }: { context: WizardContext }) {
  return (
    <div className="space-y-2 text-sm">
      {context.errors.map((e) => (
        <p key={e.source} role="status" className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900">
          {e.source} unavailable: {e.message}. The rest of the wizard still works.
        </p>
      ))}
      {context.objects.length > 0 && (
        <p className="text-slate-600">
          In the cluster:{" "}
          {context.objects.map((o, i) => (
            <span key={`${o.kind}/${o.name}`}>
              {i > 0 && ", "}
              <span className="font-mono">
                {o.kind}/{o.name}
              </span>
              {o.managedByMeshscope ? " (made by Meshscope)" : ""}
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
