import { sparkPath, sparkScale } from "@/lib/graph-view/sparkline";
import type { SeriesPoints } from "@/lib/graph-view/series-schema";

export interface SparkLine {
  name: string;
  points: SeriesPoints;
  colour: string;
}

const W = 240;
const H = 44;

function latest(points: SeriesPoints): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]![1];
    if (v !== null) return v;
  }
  return null;
}

/** A small inline SVG chart of one or more series over the window, with the latest values as text. */
export function SparkChart({ title, lines, format, range }: { title: string; lines: SparkLine[]; format: (v: number) => string; range: { start: number; end: number } }) {
  const series = lines.map((l) => ({ points: l.points.map(([t, v]) => [t, v ?? NaN] as const) }));
  const scale = sparkScale(series, range);
  const summary = lines.map((l) => {
    const v = latest(l.points);
    return `${l.name} ${v === null ? "no data" : format(v)}`;
  });
  return (
    <figure className="space-y-1" aria-label={`${title}: ${summary.join(", ")}`} data-testid="spark-chart">
      <figcaption className="flex justify-between text-xs text-slate-600">
        <span className="font-medium">{title}</span>
        <span>{scale ? `max ${format(scale.max)}` : ""}</span>
      </figcaption>
      {scale ? (
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} preserveAspectRatio="none" className="rounded bg-slate-50" aria-hidden="true">
          {series.map((s, i) => (
            <path key={lines[i]!.name} d={sparkPath(s, scale, W, H)} fill="none" stroke={lines[i]!.colour} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
      ) : (
        <p className="rounded bg-slate-50 px-2 py-3 text-xs text-slate-500">No data in the window.</p>
      )}
      <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
        {lines.map((l, i) => (
          <span key={l.name} className="inline-flex items-center gap-1">
            <span className="inline-block h-0.5 w-3" style={{ background: l.colour }} />
            {summary[i]}
          </span>
        ))}
      </p>
    </figure>
  );
}
