import { diffLineKind, type DiffLineKind } from "@/lib/wizards/ui/flow";

const LINE_CLASS: Record<DiffLineKind, string> = {
  add: "bg-green-50 text-green-800",
  remove: "bg-red-50 text-red-800",
  hunk: "bg-blue-50 text-blue-800",
  header: "text-slate-500",
  context: "text-slate-700",
};

/** A unified diff with added lines green and removed lines red. */
export function DiffView({ diff, label }: { diff: string; label: string }) {
  if (diff === "") return <p className="text-xs text-slate-500">No difference: the cluster already has this.</p>;
  const lines = diff.replace(/\n$/, "").split("\n");
  return (
    <pre aria-label={label} data-testid="change-diff" className="max-h-96 overflow-auto rounded border border-slate-200 bg-white text-xs leading-5">
      {lines.map((line, i) => {
        const kind = diffLineKind(line);
        return (
          <div key={i} data-line={kind} className={`px-2 ${LINE_CLASS[kind]}`}>
            {line || " "}
          </div>
        );
      })}
    </pre>
  );
}

/** YAML as it is (the server renders it; nothing to highlight but the text). */
export function YamlView({ yaml, label }: { yaml: string | null; label: string }) {
  if (yaml === null) return <p className="text-xs text-slate-500">(none)</p>;
  return (
    <pre aria-label={label} data-testid="change-yaml" className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 px-2 py-1 text-xs leading-5">
      {yaml}
    </pre>
  );
}
