/** An inline SVG sparkline: cheap enough for hundreds on one page (no chart library, no canvas). */
export function Sparkline({ points, width = 120, height = 28, label }: { points: ReadonlyArray<number | null>; width?: number; height?: number; label: string }) {
  const values = points.filter((p): p is number => p !== null);
  const max = Math.max(0, ...values);
  const n = points.length;
  if (n < 2 || values.length === 0) {
    return (
      <svg width={width} height={height} role="img" aria-label={`${label}: no traffic`}>
        <line x1={0} x2={width} y1={height - 1} y2={height - 1} stroke="#cbd5e1" strokeDasharray="3 3" />
      </svg>
    );
  }
  const x = (i: number) => (i / (n - 1)) * width;
  const y = (v: number) => height - 1 - (max > 0 ? (v / max) * (height - 3) : 0);
  // Gaps (no point) break the line into segments.
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const d = segments.join(" ");
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="sparkline" data-points={values.length}>
      <path d={`${d}`} fill="none" stroke="#2563eb" strokeWidth={1.5} />
    </svg>
  );
}
