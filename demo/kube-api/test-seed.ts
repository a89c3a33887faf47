/**
 * A small cluster for tests and for running the API alone: namespace `bookinfo` with the `reviews`
 * deployment (app container plus `istio-proxy`), its Service, a VirtualService and a DestinationRule.
 */
import type { KubeObject } from "../contracts";

/** The reviews Deployment (2 replicas, app + istio-proxy containers). */
export function reviewsDeployment(version = "v1", replicas = 2): KubeObject {
  const labels = { app: "reviews", version };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `reviews-${version}`, namespace: "bookinfo", labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, annotations: { "sidecar.istio.io/status": '{"containers":["istio-proxy"]}' } },
        spec: {
          serviceAccountName: "bookinfo-reviews",
          containers: [
            { name: "reviews", image: `docker.io/istio/examples-bookinfo-reviews-${version}:1.20.2`, ports: [{ containerPort: 9080, name: "http" }] },
            { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.24.2", ports: [{ containerPort: 15090, name: "http-envoy-prom" }] },
          ],
        },
      },
    },
  };
}

/** The seed: namespace, deployment, service, VirtualService, DestinationRule. */
export function testSeed(): KubeObject[] {
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "bookinfo", labels: { "istio-injection": "enabled" } } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bookinfo-reviews", namespace: "bookinfo" } },
    reviewsDeployment("v1", 2),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "reviews", namespace: "bookinfo", labels: { app: "reviews", service: "reviews" } },
      spec: { selector: { app: "reviews" }, ports: [{ name: "http", port: 9080, targetPort: "http" }] },
    },
    {
      apiVersion: "networking.istio.io/v1",
      kind: "VirtualService",
      metadata: { name: "reviews", namespace: "bookinfo" },
      spec: { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v1" }, weight: 100 }] }] },
    },
    {
      apiVersion: "networking.istio.io/v1",
      kind: "DestinationRule",
      metadata: { name: "reviews", namespace: "bookinfo" },
      spec: { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }] },
    },
  ];
}
