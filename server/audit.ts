import "server-only";
import { identityLabel, type Identity } from "./kube/identity";
import { telemetry } from "./telemetry";

/** One write the console made (or refused, or dry-ran) on someone's behalf. */
export interface AuditEntry {
  identity: Identity;
  /**
   * `create`, `replace`, `delete`, or a wizard's name for multi-object applies; for a request refused
   * before it reached the cluster (read-only, missing header, other origin) the HTTP method, with
   * `kind` the route and `name` the path.
   */
  action: string;
  kind: string;
  namespace?: string;
  name: string;
  dryRun: boolean;
  /** `ok`, or the HTTP status / reason it failed with (`409 Conflict`, `403 Forbidden`, …). */
  result: string;
}

/**
 * Records a write: one JSON line on stdout (`{"audit":…}`, for the log pipeline) and a counter in
 * the console's metrics. The identity is a label that never contains a token.
 */
export function audit(entry: AuditEntry): void {
  const { identity, ...rest } = entry;
  const line = { audit: { time: new Date().toISOString(), who: identityLabel(identity), ...rest } };
  console.info(JSON.stringify(line));
  telemetry().writes.inc({ action: entry.action, kind: entry.kind, dry_run: String(entry.dryRun), result: entry.result === "ok" ? "ok" : "error" });
}
