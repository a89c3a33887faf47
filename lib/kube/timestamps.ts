/** client-node revives timestamps as Date; watch events and plain JSON may leave them as strings. */
export function toIsoTimestamp(t: Date | string | undefined): string | undefined {
  if (!t) return undefined;
  return typeof t === "string" ? t : t.toISOString();
}
