import type { ReactNode } from "react";

/** A titled box of the overview tab. */
export function Panel({ title, children, actions, testId }: { title: string; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="rounded border border-slate-200 bg-white">
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
        {actions}
      </header>
      <div className="p-3 text-sm">{children}</div>
    </section>
  );
}

/** Key/value pairs. */
export function Properties({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="min-w-0 break-words">{v ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** All labels (or a selector, or annotations) as chips. */
export function LabelList({ labels, empty = "none" }: { labels: Record<string, string>; empty?: string }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="text-slate-400">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <span key={k} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" title={`${k}=${v}`}>
          <span className="text-slate-500">{k}</span>={v.length > 80 ? `${v.slice(0, 80)}…` : v}
        </span>
      ))}
    </span>
  );
}
