import { namespacedListRoute } from "@/server/http/namespaced-route";
import { listApps } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

/** Applications (workloads grouped by `app` label) in `namespaces`. */
export const GET = namespacedListRoute("/api/apps", listApps);
