import { route } from "@/server/http/route";
import { handleContext } from "@/server/services/wizards/http";

export const dynamic = "force-dynamic";

/** What the wizards start from for a Service, a workload or a namespace (docs/api-wizards.md). */
export const GET = route("/api/wizards/context", handleContext);
