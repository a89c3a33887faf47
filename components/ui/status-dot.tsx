/** A coloured dot with an accessible label. */
export function StatusDot({ tone, label }: { tone: "ok" | "warn" | "error" | "idle"; label: string }) {
  const color = { ok: "bg-emerald-500", warn: "bg-amber-500", error: "bg-red-600", idle: "bg-slate-300" }[tone];
  return <span role="img" aria-label={label} title={label} className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} />;
}
