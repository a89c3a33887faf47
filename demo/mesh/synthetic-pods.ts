/**
 * Pods as a Deployment controller would create them, for running the simulator without the demo
 * Kubernetes API (unit tests, benchmarks). Names and IPs are derived from the Deployment so they are
 * stable across runs.
 */
import type { KubeObject } from "../contracts";

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function suffix(seed: string, length: number): string {
  let h = hash32(seed);
  let out = "";
  for (let i = 0; i < length; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = hash32(`${seed}${i}${h}`);
  }
  return out;
}

/** A deterministic pod IP in 10.244.0.0/16 for a pod name. */
export function podIpFor(namespace: string, name: string): string {
  const h = hash32(`${namespace}/${name}`);
  return `10.244.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

interface TemplateShape {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown> & { containers?: Array<{ name?: string }> };
}

/** Ready pods for each Deployment (`spec.replicas`, default 1). */
export function synthesizePods(deployments: readonly KubeObject[]): KubeObject[] {
  const pods: KubeObject[] = [];
  for (const d of deployments) {
    const spec = (d.spec ?? {}) as { replicas?: number; template?: TemplateShape };
    const ns = d.metadata.namespace ?? "default";
    const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
    const template = spec.template ?? {};
    const templateHash = suffix(`${ns}/${d.metadata.name}`, 10);
    for (let i = 0; i < replicas; i++) {
      const name = `${d.metadata.name}-${templateHash}-${suffix(`${ns}/${d.metadata.name}/${i}`, 5)}`;
      const containers = template.spec?.containers ?? [];
      pods.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name,
          namespace: ns,
          labels: { ...template.metadata?.labels, "pod-template-hash": templateHash },
          annotations: { ...template.metadata?.annotations },
          ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `${d.metadata.name}-${templateHash}`, controller: true }],
        },
        spec: { ...template.spec },
        status: {
          phase: "Running",
          podIP: podIpFor(ns, name),
          conditions: [{ type: "Ready", status: "True" }],
          containerStatuses: containers.map((c) => ({ name: c.name ?? "app", ready: true, restartCount: 0 })),
        },
      });
    }
  }
  return pods;
}
