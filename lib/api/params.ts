import { z } from "zod";

/** A Kubernetes namespace name (RFC 1123 label). */
export const namespaceName = z
  .string()
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label (lowercase letters, digits and '-')");

/** `namespaces=a,b,c`: one or more namespace names, deduplicated. */
export const namespacesParam = z
  .string({ error: "is required: select at least one namespace" })
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(namespaceName).min(1, "select at least one namespace").max(1000))
  .transform((a) => [...new Set(a)]);

/** Reads URL search params into a plain object for zod (first value of each key). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}
