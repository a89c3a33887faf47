import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { kindOfKey, type IstioKey } from "@/lib/istio-config/kinds";
import type { IstioDeleteResponse, IstioWriteResponse, WriteBody } from "@/lib/istio-config/schemas";
import { writeInput, type FieldIssue, type WriteTarget } from "@/lib/istio-config/write-input";
import { audit } from "../audit";
import { KubeStatusError, UpstreamUnavailableError } from "../http/errors";
import type { Identity } from "../kube/identity";
import { kubeFor } from "../kube/gateway";
import { describeObject, type IstioConfigDeps, type IstioRef } from "./istio-config";

/** A write the console refused before sending it: 422 with the fields at fault. */
export class WriteRefusedError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid object: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "WriteRefusedError";
  }
}

/** How a failed write is recorded in the audit log: `409 Conflict`, `422 Invalid`, `502 Unavailable`… */
export function auditResult(err: unknown): string {
  if (err instanceof KubeStatusError) return `${err.code} ${err.reason}`;
  if (err instanceof WriteRefusedError) return "422 Invalid";
  if (err instanceof UpstreamUnavailableError) return err.timedOut ? "504 Timeout" : "502 Unavailable";
  return "500 Error";
}

interface Audited {
  identity: Identity;
  action: "create" | "replace" | "delete";
  key: IstioKey;
  namespace: string;
  name: string;
  dryRun: boolean;
}

/** Runs a write and records it in the audit log, whether it worked, was refused or failed. */
async function audited<T>(what: Audited, write: () => Promise<T>): Promise<T> {
  const entry = { identity: what.identity, action: what.action, kind: kindOfKey(what.key), namespace: what.namespace, name: what.name, dryRun: what.dryRun };
  try {
    const out = await write();
    audit({ ...entry, result: "ok" });
    return out;
  } catch (err) {
    audit({ ...entry, result: auditResult(err) });
    throw err;
  }
}

function checked(body: WriteBody, target: WriteTarget): { object: KubernetesObject; name: string } {
  const input = writeInput(body, target);
  if (!input.ok) throw new WriteRefusedError(input.issues);
  return { object: input.object as KubernetesObject, name: input.name };
}

/**
 * Replaces an object with the body (YAML or JSON) at its `metadata.resourceVersion`: the API server
 * answers 409 when the object changed since. `dryRun`: validated by the API server, not stored.
 */
export async function replaceIstioObject(identity: Identity, deps: IstioConfigDeps, ref: IstioRef, body: WriteBody, dryRun: boolean): Promise<IstioWriteResponse> {
  return audited({ identity, action: "replace", ...ref, dryRun }, async () => {
    const { object } = checked(body, ref);
    const stored = await kubeFor(identity).replace(object, { dryRun });
    return { ...(await describeObject(deps, ref.key, stored)), dryRun };
  });
}

/** Creates an object in the URL's namespace; 409 AlreadyExists passes through. */
export async function createIstioObject(
  identity: Identity,
  deps: IstioConfigDeps,
  target: { key: IstioKey; namespace: string },
  body: WriteBody,
  dryRun: boolean,
): Promise<IstioWriteResponse> {
  // The name is known only once the body is read; a body without one is audited under "(none)".
  const probe = writeInput(body, target);
  const name = probe.ok ? probe.name : "(none)";
  return audited({ identity, action: "create", ...target, name, dryRun }, async () => {
    const { object } = checked(body, target);
    const stored = await kubeFor(identity).create(object, { dryRun });
    return { ...(await describeObject(deps, target.key, stored)), dryRun };
  });
}

/** Deletes an object; with `resourceVersion`, only if it is still that version (409 otherwise). */
export async function deleteIstioObject(identity: Identity, ref: IstioRef, opts: { resourceVersion?: string; dryRun: boolean }): Promise<IstioDeleteResponse> {
  return audited({ identity, action: "delete", ...ref, dryRun: opts.dryRun }, async () => {
    await kubeFor(identity).delete(ref.key, ref.name, ref.namespace, { dryRun: opts.dryRun, ...(opts.resourceVersion ? { resourceVersion: opts.resourceVersion } : {}) });
    return { deleted: { kind: kindOfKey(ref.key), namespace: ref.namespace, name: ref.name }, dryRun: opts.dryRun };
  });
}
