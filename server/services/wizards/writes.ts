import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import type { DryRunResult } from "@/lib/wizards/api";
import type { PlannedChange, WizardObject } from "@/lib/wizards/builders/types";
import { changeObject } from "@/lib/wizards/changes";
import { ALL_RESOURCE_KINDS, type ResourceKey } from "@/lib/kube/resource-kinds";
import { audit } from "../../audit";
import { KubeStatusError } from "../../http/errors";
import type { KubeGateway } from "../../kube/gateway";

/** The gateway's verbs for one planned change; every call is audited, dry runs and failures included. */

const VERB = { create: "create", update: "replace", delete: "delete", unchanged: "none" } as const;

function resourceKey(kind: string): ResourceKey {
  const k = ALL_RESOURCE_KINDS.find((r) => r.kind === kind);
  if (!k) throw new Error(`no resource kind for ${kind}`);
  return k.key;
}

/**
 * The object as the API takes it. Istio's model types and client-node's disagree on metadata field
 * types (timestamps as strings or Dates); on the wire both are the same JSON.
 */
function wire(obj: WizardObject, resourceVersion?: string): KubernetesObject {
  const copy = structuredClone(obj) as KubernetesObject;
  copy.metadata = { ...copy.metadata, ...(resourceVersion ? { resourceVersion } : {}) };
  return copy;
}

async function perform(gateway: KubeGateway, c: PlannedChange, dryRun: boolean): Promise<string | null> {
  switch (c.action) {
    case "create":
      return (await gateway.create(wire(c.desired), { dryRun })).metadata?.resourceVersion ?? null;
    case "update":
      // The version the change was planned from: a concurrent write makes the API server answer 409.
      return (await gateway.replace(wire(c.desired, c.current.metadata?.resourceVersion), { dryRun })).metadata?.resourceVersion ?? null;
    case "delete": {
      const meta = c.current.metadata;
      await gateway.delete(resourceKey(c.current.kind), meta?.name ?? "", meta?.namespace, { dryRun, resourceVersion: meta?.resourceVersion });
      return null;
    }
    case "unchanged":
      return c.current.metadata?.resourceVersion ?? null;
  }
}

function record(gateway: KubeGateway, c: PlannedChange, dryRun: boolean, result: string): void {
  if (c.action === "unchanged") return;
  const obj = changeObject(c);
  audit({ identity: gateway.identity, action: VERB[c.action], kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? "", dryRun, result });
}

const failed = (err: unknown) => (err instanceof KubeStatusError ? `${err.code} ${err.reason}` : err instanceof Error ? err.name : "error");

/**
 * Asks the API server to validate the change without storing it (`dryRun=All`). Its refusal (a
 * `Status`: 422 with the fields at fault, 409, 403…) is the answer, not an error; an unreachable
 * API server still throws.
 */
export async function dryRunChange(gateway: KubeGateway, c: PlannedChange): Promise<DryRunResult> {
  if (c.action === "unchanged") return { ok: true, warnings: [] };
  try {
    await perform(gateway, c, true);
    record(gateway, c, true, "ok");
    return { ok: true, warnings: [] };
  } catch (err) {
    record(gateway, c, true, failed(err));
    if (!(err instanceof KubeStatusError)) throw err;
    return { ok: false, status: err.code, reason: err.reason, message: err.message, issues: err.causes };
  }
}

/** Writes the change; resolves to the object's new resourceVersion (`null` once deleted). */
export async function writeChange(gateway: KubeGateway, c: PlannedChange): Promise<string | null> {
  try {
    const rv = await perform(gateway, c, false);
    record(gateway, c, false, "ok");
    return rv;
  } catch (err) {
    record(gateway, c, false, failed(err));
    throw err;
  }
}

/** Audits writes refused before reaching the API server (a stale preview). */
export function recordRefused(gateway: KubeGateway, changes: readonly PlannedChange[], result: string): void {
  for (const c of changes) record(gateway, c, false, result);
}
