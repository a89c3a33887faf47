/**
 * What became of a save, a dry run, a create or a delete, as the editor tells it: each API error
 * turned into the situation the user is in and what they can do about it.
 */
import { ApiError } from "@/lib/api-client";
import type { FieldIssue } from "./write-input";

export type WriteOutcome =
  | { kind: "done"; dryRun: boolean; message: string }
  /** 409 on a save or delete: the object changed since it was read. */
  | { kind: "conflict"; message: string }
  /** 409 AlreadyExists on a create. */
  | { kind: "exists"; message: string }
  /** 422: the fields at fault. */
  | { kind: "invalid"; message: string; issues: FieldIssue[] }
  /** 403: the console is read-only, or the user may not write this. */
  | { kind: "forbidden"; message: string; readOnly: boolean }
  /** 404 on a save or delete: someone deleted it. */
  | { kind: "gone"; message: string }
  | { kind: "failed"; message: string };

/** The outcome of a write that threw. */
export function outcomeOfError(err: unknown): WriteOutcome {
  if (!(err instanceof ApiError)) return { kind: "failed", message: err instanceof Error ? err.message : String(err) };
  if (err.status === 409 && err.reason === "AlreadyExists") return { kind: "exists", message: err.message };
  if (err.status === 409) return { kind: "conflict", message: err.message };
  if (err.status === 422) return { kind: "invalid", message: err.message, issues: err.issues ?? [] };
  if (err.status === 403) return { kind: "forbidden", message: err.message, readOnly: /read-only/i.test(err.message) };
  if (err.status === 404) return { kind: "gone", message: err.message };
  return { kind: "failed", message: err.upstream ? `${err.upstream}: ${err.message}` : err.message };
}
