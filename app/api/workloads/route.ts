import { namespacedListRoute } from "@/server/http/namespaced-route";
import { listWorkloads } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

/** Workloads in `namespaces` (comma-separated), with replicas, pods ready and sidecar presence. */
export const GET = namespacedListRoute("/api/workloads", listWorkloads);
