import type { FindingLevel } from "@/lib/istio-config/list-view";

const ICON: Record<FindingLevel, { glyph: string; className: string; label: string }> = {
  error: { glyph: "✖", className: "text-red-600", label: "error" },
  warning: { glyph: "▲", className: "text-amber-500", label: "warning" },
  info: { glyph: "ℹ", className: "text-sky-600", label: "info" },
  none: { glyph: "✓", className: "text-emerald-600", label: "no findings" },
};

/** A severity's icon, with its name for screen readers. */
export function SeverityIcon({ level }: { level: FindingLevel }) {
  const i = ICON[level];
  return (
    <span className={`inline-block w-3.5 text-center font-bold ${i.className}`} aria-label={i.label} role="img">
      {i.glyph}
    </span>
  );
}

/** The label of a severity for filters. */
export function levelLabel(level: FindingLevel): string {
  return ICON[level].label;
}
