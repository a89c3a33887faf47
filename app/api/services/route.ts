import { namespacedListRoute } from "@/server/http/namespaced-route";
import { listServices } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

/** Services in `namespaces`, with ports and the workloads they select. */
export const GET = namespacedListRoute("/api/services", listServices);
