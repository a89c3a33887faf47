/**
 * The control plane namespace: istiod and the ingress gateway. The gateway's profile is where entry
 * traffic comes from: each originated request is one outside request arriving at the gateway.
 */
import type { KubeObject } from "../../contracts";
import { deployment, namespace, service, serviceAccount } from "./builders";

/** Where the ingress gateway runs, and its workload name. */
export const INGRESS_NAMESPACE = "istio-system";
export const INGRESS_WORKLOAD = "istio-ingressgateway";

/** The `istio-system` namespace: istiod and the ingress gateway (the entry traffic source). */
export function istioSystemObjects(): { namespaces: KubeObject[]; objects: KubeObject[] } {
  const ns = INGRESS_NAMESPACE;
  return {
    namespaces: [namespace(ns, false, { "topology.istio.io/network": "" })],
    objects: [
      serviceAccount(ns, "istiod"),
      serviceAccount(ns, "istio-ingressgateway-service-account"),
      service(ns, "istiod", { app: "istiod", istio: "pilot" }, [
        { name: "grpc-xds", port: 15010 },
        { name: "https-dns", port: 15012 },
        { name: "https-webhook", port: 443, targetPort: 15017 },
        { name: "http-monitoring", port: 15014 },
      ]),
      service(
        ns,
        INGRESS_WORKLOAD,
        { app: INGRESS_WORKLOAD, istio: "ingressgateway" },
        [
          { name: "status-port", port: 15021 },
          { name: "http2", port: 80, targetPort: 8080 },
          { name: "https", port: 443, targetPort: 8443 },
        ],
        { type: "LoadBalancer", labels: { istio: "ingressgateway" } },
      ),
      deployment({
        namespace: ns,
        name: "istiod",
        app: "istiod",
        serviceAccount: "istiod",
        sidecar: false,
        containerPort: 15010,
        image: "docker.io/istio/pilot:1.24.2",
        labels: { istio: "pilot" },
      }),
      deployment({
        namespace: ns,
        name: INGRESS_WORKLOAD,
        app: INGRESS_WORKLOAD,
        serviceAccount: "istio-ingressgateway-service-account",
        sidecar: false,
        gateway: true,
        labels: { istio: "ingressgateway" },
        profile: {
          latencyMs: 0.3,
          originate: { weight: 20, mode: "one" },
          calls: [
            {
              host: "bookinfo.example.com",
              port: 80,
              method: "GET",
              path: "/productpage",
              weight: 12,
              userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
              headers: [{ name: "end-user", value: "jason", fraction: 0.2 }],
            },
            {
              host: "shop.example.com",
              port: 80,
              method: "GET",
              path: "/",
              weight: 8,
              userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
            },
          ],
        },
      }),
    ],
  };
}
