/**
 * A namespace outside the mesh (no injection label, no sidecars): a batch client calling into the
 * mesh (Bookinfo productpage, and payment — which is STRICT mTLS, so those calls are reset and leave
 * no telemetry), and a plain HTTP service that both the batch client and the shop's shipping call.
 */
import type { KubeObject } from "../../contracts";
import { deployment, namespace, service, serviceAccount } from "./builders";

const NS = "legacy";

/** The `legacy` namespace (no sidecars). */
export function legacyObjects(): { namespaces: KubeObject[]; objects: KubeObject[] } {
  return {
    namespaces: [namespace(NS, false)],
    objects: [
      serviceAccount(NS, "legacy-batch", "batch-client"),
      serviceAccount(NS, "legacy-api", "legacy-api"),
      service(NS, "legacy-api", { app: "legacy-api" }, [{ name: "http", port: 8080 }]),
      deployment({
        namespace: NS,
        app: "batch-client",
        version: "v1",
        serviceAccount: "legacy-batch",
        sidecar: false,
        profile: {
          latencyMs: 1,
          originate: { weight: 3 },
          calls: [
            { host: "productpage.bookinfo", port: 9080, method: "GET", path: "/api/v1/products", userAgent: "python-requests/2.31.0" },
            { host: "legacy-api", port: 8080, method: "GET", path: "/jobs", ratio: 0.6, userAgent: "python-requests/2.31.0" },
            { host: "payment.shop", port: 8080, method: "POST", path: "/charge", ratio: 0.1, userAgent: "python-requests/2.31.0" },
          ],
        },
      }),
      deployment({
        namespace: NS,
        app: "legacy-api",
        version: "v1",
        serviceAccount: "legacy-api",
        sidecar: false,
        containerPort: 8080,
        profile: { latencyMs: 15, responseBytes: 700 },
      }),
    ],
  };
}
