/** Walks a VirtualService's routes: weighted route lists and every destination (routes and mirrors), with their paths. */
import type { PathSegment } from "./path";
import type { Destination, RouteDestination, VirtualServiceSpec } from "./schemas/networking";

const SECTIONS = ["http", "tcp", "tls"] as const;

/** A weighted route list of a VirtualService. */
export interface RouteList {
  /** Path of the `route` list, e.g. `spec.http[0].route`. */
  path: PathSegment[];
  route: RouteDestination[];
}

/** A destination of a VirtualService, with its path. */
export interface DestinationAt {
  /** Path of the destination object, e.g. `spec.http[0].route[1].destination` or `spec.http[0].mirror`. */
  path: PathSegment[];
  destination: Destination;
}

/** The non-empty weighted route lists of every http, tcp and tls route. */
export function routeLists(spec: VirtualServiceSpec): RouteList[] {
  const out: RouteList[] = [];
  for (const section of SECTIONS) {
    (spec[section] ?? []).forEach((r, i) => {
      if (r.route && r.route.length > 0) out.push({ path: ["spec", section, i, "route"], route: r.route });
    });
  }
  return out;
}

/** Every destination: route destinations of http, tcp and tls routes, and http mirrors. */
export function destinations(spec: VirtualServiceSpec): DestinationAt[] {
  const out: DestinationAt[] = [];
  for (const { path, route } of routeLists(spec)) {
    route.forEach((d, j) => {
      if (d.destination) out.push({ path: [...path, j, "destination"], destination: d.destination });
    });
  }
  (spec.http ?? []).forEach((r, i) => {
    if (r.mirror) out.push({ path: ["spec", "http", i, "mirror"], destination: r.mirror });
    (r.mirrors ?? []).forEach((m, j) => {
      if (m.destination) out.push({ path: ["spec", "http", i, "mirrors", j, "destination"], destination: m.destination });
    });
  });
  return out;
}
