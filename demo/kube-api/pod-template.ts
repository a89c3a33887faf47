/**
 * Naming and templating of controller-made objects: the `pod-template-hash` of a Deployment's
 * template, random name suffixes, and Pods stamped out of a ReplicaSet's template.
 */
import type { KubeObject } from "../contracts";
import { applyDefaults } from "./defaults";
import type { IpAllocator } from "./ip-allocator";
import { asRecord, clone, stableStringify } from "./json";

/** k8s.io/apimachinery/pkg/util/rand's alphabet (no vowels, no confusable digits). */
const SAFE_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a 32-bit hash. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h >>> 0;
}

/** rand.SafeEncodeString: maps each character to the safe alphabet. */
export function safeEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text)) out += SAFE_ALPHANUMS[byte % SAFE_ALPHANUMS.length];
  return out;
}

/** A random suffix like `utilrand.String(n)`. */
export function randomSuffix(length = 5): string {
  let out = "";
  for (let i = 0; i < length; i++) out += SAFE_ALPHANUMS[Math.floor(Math.random() * SAFE_ALPHANUMS.length)];
  return out;
}

/** The pod-template-hash of a pod template (the template without its own hash label). */
export function templateHash(template: unknown): string {
  const copy = clone(asRecord(template) ?? {});
  const labels = asRecord(asRecord(copy["metadata"])?.["labels"]);
  if (labels) delete labels["pod-template-hash"];
  return safeEncode(String(fnv32a(stableStringify(copy))));
}

/** An ownerReference to a controller object. */
export function controllerRef(owner: KubeObject): Record<string, unknown> {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A new Pod from a ReplicaSet's template (no status yet; the kubelet simulation starts it). */
export function podFromReplicaSet(rs: KubeObject, ips: IpAllocator): KubeObject {
  const template = asRecord(asRecord(rs["spec"])?.["template"]) ?? {};
  const meta = asRecord(template["metadata"]) ?? {};
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${rs.metadata.name}-${randomSuffix()}`,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: clone((asRecord(meta["labels"]) as Record<string, string> | undefined) ?? {}),
      ownerReferences: [controllerRef(rs)],
    },
    spec: clone(asRecord(template["spec"]) ?? {}),
  };
  const annotations = asRecord(meta["annotations"]);
  if (annotations) pod.metadata.annotations = clone(annotations) as Record<string, string>;
  applyDefaults(pod, ips);
  return pod;
}
