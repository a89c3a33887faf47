import { serviceColors } from "@/lib/tracing/colors";
import type { DiffRow, PathStats, TraceDiff } from "@/lib/tracing/diff";
import { formatDeltaUs, formatDurationUs } from "@/lib/tracing/format";

const STATUS = {
  same: { label: "same", className: "text-slate-400" },
  changed: { label: "changed", className: "bg-amber-100 text-amber-900" },
  added: { label: "only in B", className: "bg-emerald-100 text-emerald-900" },
  removed: { label: "only in A", className: "bg-red-100 text-red-900" },
} as const;

function Stats({ s }: { s?: PathStats }) {
  if (!s) return <span className="text-slate-300">—</span>;
  return (
    <span className="tabular-nums">
      {s.count > 1 && <span className="text-slate-500">{s.count}× </span>}
      {formatDurationUs(s.meanUs)}
      {s.errors > 0 && <span className="ml-1 font-medium text-red-700">{s.errors}!</span>}
    </span>
  );
}

function Delta({ row }: { row: DiffRow }) {
  if (row.deltaMeanUs === undefined) return null;
  const slower = row.deltaMeanUs > 0;
  const notable = row.changes.includes("duration");
  return <span className={`tabular-nums ${notable ? (slower ? "font-medium text-red-700" : "font-medium text-emerald-700") : "text-slate-500"}`}>{formatDeltaUs(row.deltaMeanUs)}</span>;
}

/** The diff of two traces as a tree of paths: what each trace has there (count × mean), the change. */
export function DiffTable({ diff, onlyChanges }: { diff: TraceDiff; onlyChanges: boolean }) {
  const rows = onlyChanges ? diff.rows.filter((r) => r.status !== "same") : diff.rows;
  const colors = serviceColors([...new Set(diff.rows.map((r) => r.service))]);
  if (rows.length === 0) return <p className="text-sm text-slate-500">The two traces make the same calls, in about the same time.</p>;
  return (
    <table aria-label="Trace differences" className="w-full border-collapse rounded bg-white text-sm">
      <thead className="border-b border-slate-200 text-left text-slate-500">
        <tr>
          <th className="p-2 font-medium">Service · operation</th>
          <th className="p-2 font-medium">A</th>
          <th className="p-2 font-medium">B</th>
          <th className="p-2 font-medium">Δ mean</th>
          <th className="p-2 font-medium">Difference</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="diff-row" data-status={r.status} className="border-b border-slate-100">
            <td className="p-2">
              <span className="flex items-center gap-1.5" style={{ paddingLeft: `${r.depth * 14}px` }} title={r.path.join(" › ")}>
                <span className="h-3 w-1 shrink-0 rounded-sm" style={{ backgroundColor: colors.get(r.service) }} />
                <span className="font-medium">{r.service}</span>
                <span className="truncate text-xs text-slate-500">{r.operation}</span>
              </span>
            </td>
            <td className="p-2">
              <Stats s={r.a} />
            </td>
            <td className="p-2">
              <Stats s={r.b} />
            </td>
            <td className="p-2">
              <Delta row={r} />
            </td>
            <td className="p-2">
              <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS[r.status].className}`}>
                {STATUS[r.status].label}
                {r.status === "changed" && `: ${r.changes.join(", ")}`}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
