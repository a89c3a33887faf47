import { namespacedListRoute } from "@/server/http/namespaced-route";
import { istioConfigDeps, listIstioConfigWithFindings } from "@/server/services/istio-config";

export const dynamic = "force-dynamic";

/** Istio objects of every kind in `namespaces`, each with its validation findings (docs/api-istio-config.md). */
export const GET = namespacedListRoute("/api/istio-config", (identity, namespaces) => listIstioConfigWithFindings(istioConfigDeps(identity), namespaces));
