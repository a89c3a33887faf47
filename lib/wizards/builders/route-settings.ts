/**
 * What fault injection and timeouts/retries share: a setting put on every HTTP route of the
 * Service's VirtualService, whose routes stay as they are (one route to the Service's host when it has
 * no VirtualService or no HTTP routes yet).
 */
import { plan, success } from "./objects";
import { currentOrDefaultRoutes, type HttpRoute, virtualServiceWith } from "./routes";
import { serviceRouting } from "./service-routing";
import { isFailure, requireService } from "./target";
import type { BuildResult, WizardSnapshot } from "./types";

/** The Service's VirtualService with `edit` applied to each of its HTTP routes. */
export function editEveryRoute(snap: WizardSnapshot, edit: (route: HttpRoute) => HttpRoute): BuildResult {
  const svc = requireService(snap);
  if (isFailure(svc)) return svc;
  const routing = serviceRouting(snap, svc);
  if (isFailure(routing)) return routing;
  const { vs, warnings } = routing;
  const http = currentOrDefaultRoutes(svc, vs).map(edit);
  return success([plan(virtualServiceWith(svc, vs, http), vs)], warnings);
}
