import { namespacedListRoute } from "@/server/http/namespaced-route";
import { listIstioConfig } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

/** Istio objects of every kind in `namespaces`. */
export const GET = namespacedListRoute("/api/istio-config", listIstioConfig);
