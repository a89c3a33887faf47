import { mutationRoute } from "@/server/http/mutation";
import { handleApply, type WizardRouteContext } from "@/server/services/wizards/http";

export const dynamic = "force-dynamic";

/** Writes what a wizard built, if nothing changed since the preview (docs/api-wizards.md). */
export const POST = mutationRoute<WizardRouteContext>("/api/wizards/[wizard]/apply", handleApply);
