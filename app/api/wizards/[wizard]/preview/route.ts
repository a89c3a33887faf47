import { mutationRoute } from "@/server/http/mutation";
import { handlePreview, type WizardRouteContext } from "@/server/services/wizards/http";

export const dynamic = "force-dynamic";

/**
 * What a wizard would write, with diffs and the API server's dry run (docs/api-wizards.md). Guarded
 * like a write: dry runs are writes as far as RBAC and admission are concerned.
 */
export const POST = mutationRoute<WizardRouteContext>("/api/wizards/[wizard]/preview", handlePreview);
