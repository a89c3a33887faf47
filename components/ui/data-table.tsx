import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A plain, accessible table; rows carry `data-testid={rowTestId}` and `data-key={rowKey(row)}`. */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
}) {
  return (
    <table className="w-full border-collapse rounded bg-white text-sm" aria-label={label}>
      <thead className="border-b border-slate-200 text-left text-slate-500">
        <tr>
          {columns.map((c) => (
            <th key={c.header} className="p-2 font-medium">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-slate-100" data-testid={rowTestId} data-key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.header} className={`p-2 ${c.className ?? ""}`}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `k=v, k2=v2` in small print. */
export function Labels({ labels }: { labels: Record<string, string> }) {
  return (
    <span className="text-xs text-slate-500">
      {Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")}
    </span>
  );
}
