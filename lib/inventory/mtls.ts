/**
 * A namespace's mTLS mode from PeerAuthentications, as Istio resolves it for workloads without a
 * policy of their own: the namespace-wide policy (no selector) when it sets a mode, else the mesh-wide
 * one (no selector, in the root namespace), else Istio's default, PERMISSIVE.
 * https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import { z } from "zod";
import { ROOT_NAMESPACE } from "./istio-refs";

export const mtlsMode = z.enum(["strict", "permissive", "disabled"]);
export type MtlsMode = z.infer<typeof mtlsMode>;

export const namespaceMtls = z.object({
  mode: mtlsMode,
  /** Where the mode comes from. */
  source: z.enum(["namespace", "mesh", "default"]),
  /** The PeerAuthentication that sets it (`namespace/name`). */
  policy: z.string().optional(),
  /** PeerAuthentications with a selector in the namespace, which override the mode for some workloads. */
  workloadPolicies: z.number(),
});
export type NamespaceMtls = z.infer<typeof namespaceMtls>;

const peerAuthentication = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string(), creationTimestamp: z.union([z.string(), z.date()]).optional() }),
  spec: z
    .object({
      selector: z.object({ matchLabels: z.record(z.string(), z.string()).optional() }).nullish(),
      mtls: z.object({ mode: z.string().optional() }).nullish(),
    })
    .optional(),
});

const MODES: Record<string, MtlsMode | undefined> = { STRICT: "strict", PERMISSIVE: "permissive", DISABLE: "disabled" };

interface Policy {
  namespace: string;
  name: string;
  created: number;
  mode: MtlsMode | undefined;
  selector: boolean;
}

/** PeerAuthentications of all namespaces, indexed by namespace (malformed ones are skipped). */
export function indexPeerAuthentications(objects: readonly KubernetesObject[]): Map<string, Policy[]> {
  const out = new Map<string, Policy[]>();
  for (const o of objects) {
    const p = peerAuthentication.safeParse(o);
    if (!p.success) continue;
    const { metadata, spec } = p.data;
    const created = metadata.creationTimestamp ? new Date(metadata.creationTimestamp).getTime() : 0;
    const policy: Policy = {
      namespace: metadata.namespace,
      name: metadata.name,
      created: Number.isFinite(created) ? created : 0,
      mode: MODES[spec?.mtls?.mode?.toUpperCase() ?? ""],
      selector: Object.keys(spec?.selector?.matchLabels ?? {}).length > 0,
    };
    const list = out.get(policy.namespace) ?? [];
    list.push(policy);
    out.set(policy.namespace, list);
  }
  return out;
}

/** The namespace-wide policy: Istio takes the oldest when there are several. */
function namespaceWide(policies: readonly Policy[] | undefined): Policy | undefined {
  return (policies ?? []).filter((p) => !p.selector).sort((a, b) => a.created - b.created || a.name.localeCompare(b.name))[0];
}

/** The mTLS mode of `namespace` (see the module comment). */
export function mtlsOf(namespace: string, index: Map<string, Policy[]>): NamespaceMtls {
  const own = index.get(namespace);
  const workloadPolicies = (own ?? []).filter((p) => p.selector).length;
  const nsPolicy = namespaceWide(own);
  if (nsPolicy?.mode) {
    return { mode: nsPolicy.mode, source: namespace === ROOT_NAMESPACE ? "mesh" : "namespace", policy: `${nsPolicy.namespace}/${nsPolicy.name}`, workloadPolicies };
  }
  const mesh = namespaceWide(index.get(ROOT_NAMESPACE));
  if (mesh?.mode) return { mode: mesh.mode, source: "mesh", policy: `${mesh.namespace}/${mesh.name}`, workloadPolicies };
  return { mode: "permissive", source: "default", workloadPolicies };
}
