/**
 * A number typed in a form field: decimal notation only (no `1e3`, hex or blanks that `Number()`
 * would accept), `NaN` for anything else so that the input schema reports "must be a number" on the
 * field at fault instead of the form sending 0.
 */
export function parseNumber(text: string): number {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A whole or decimal number for a field's text (`""` for NaN). */
export function numberText(n: number | undefined): string {
  return n === undefined || Number.isNaN(n) ? "" : String(n);
}
