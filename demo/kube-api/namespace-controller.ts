/**
 * What a real cluster puts in every namespace: the `default` ServiceAccount (serviceaccount
 * controller) and the `kube-root-ca.crt` ConfigMap (root CA publisher).
 */
import type { ControllerContext } from "./controller-context";
import { asRecord } from "./json";

/** Reconciles one Namespace. */
export function reconcileNamespace(ctx: ControllerContext, name: string): void {
  const { store, types } = ctx;
  const ns = store.get(types.namespaces, undefined, name);
  if (!ns || asRecord(ns["status"])?.["phase"] === "Terminating") return;
  if (!store.get(types.serviceaccounts, name, "default")) {
    store.create(types.serviceaccounts, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } });
  }
  if (!store.get(types.configmaps, name, "kube-root-ca.crt")) {
    store.create(types.configmaps, {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "kube-root-ca.crt", namespace: name, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
      data: { "ca.crt": ctx.caPem },
    });
  }
}
