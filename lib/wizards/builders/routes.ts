/**
 * HTTP routes of the service's VirtualService: weighted destinations over the version subsets, the
 * weights in force, the route settings wizards carry over, and the VirtualService and DestinationRule
 * the routing wizards write.
 */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import { z } from "zod";
import type { ServiceVersion } from "../api";
import { durationMs } from "../inputs";
import { managedMetadata, pathOf, serviceFqdn } from "./objects";
import { namesService } from "./service-routing";
import type { BuildIssue, ServiceInfo } from "./types";

/** One HTTP route of a VirtualService, as Istio's model types it. */
export type HttpRoute = NonNullable<NonNullable<IVirtualService["spec"]>["http"]>[number];
type RouteDestination = NonNullable<HttpRoute["route"]>[number];

/** A version and its share of the traffic (0–100). */
export interface VersionWeight {
  version: string;
  weight: number;
}

/** The annotation holding the weights in force before the last traffic shift (JSON), for roll back. */
export const PREVIOUS_WEIGHTS_ANNOTATION = "meshscope.io/previous-weights";

const weightsJson = z.array(z.object({ version: z.string(), weight: z.number() }));

/** Parses the previous-weights annotation; `null` when absent or not what the wizard writes. */
export function parsePreviousWeights(value: string | undefined): VersionWeight[] | null {
  if (!value) return null;
  try {
    const parsed = weightsJson.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Issues for versions the service does not have (`path` leads to the list; each issue names `.i.version`). */
export function unknownVersions(weights: readonly VersionWeight[], versions: readonly ServiceVersion[], path: Array<string | number>): BuildIssue[] {
  const known = versions.map((v) => v.version);
  return weights.flatMap((w, i) =>
    known.includes(w.version)
      ? []
      : [{ path: pathOf(...path, i, "version"), message: `the service has no version ${w.version} (its versions: ${known.join(", ") || "none"})` }],
  );
}

/** Weighted destinations to the versions' subsets (weights kept as given, 0 included: the split stays visible). */
export function weightedDestinations(svc: ServiceInfo, weights: readonly VersionWeight[], versions: readonly ServiceVersion[]): RouteDestination[] {
  return weights.map((w) => ({
    destination: { host: serviceFqdn(svc), subset: versions.find((v) => v.version === w.version)?.subset ?? w.version },
    weight: w.weight,
  }));
}

/** The route without conditions, which takes what no earlier rule matched. */
function catchAll(vs: IVirtualService | undefined): HttpRoute | undefined {
  const http = vs?.spec?.http ?? [];
  const last = http[http.length - 1];
  return last && (last.match ?? []).length === 0 ? last : undefined;
}

/**
 * The weights per version in force: the catch-all route's destinations to this Service, subsets
 * mapped back to versions (a lone destination without weight takes 100). `null` without such a route.
 */
export function currentWeights(vs: IVirtualService | undefined, svc: ServiceInfo, versions: readonly ServiceVersion[]): VersionWeight[] | null {
  const route = catchAll(vs)?.route ?? [];
  const ns = vs?.metadata?.namespace ?? svc.namespace;
  const mine = route.filter((r) => namesService(r.destination.host, ns, svc) && r.destination.subset);
  if (mine.length === 0 || mine.length !== route.length) return null;
  return mine.map((r) => ({
    version: versions.find((v) => v.subset === r.destination.subset)?.version ?? r.destination.subset ?? "",
    weight: r.weight ?? (mine.length === 1 ? 100 : 0),
  }));
}

/** Route fields that say where a request goes: the routing wizards own them. */
const ROUTING_FIELDS = ["match", "route", "redirect", "directResponse", "delegate"] as const;

/**
 * What a routing wizard keeps of the current routes when it replaces them: every setting of the
 * catch-all route (or of the first route) except where requests go — fault injection, timeouts,
 * retries, header rewrites, mirroring, CORS — so that shifting traffic does not drop them.
 */
export function inheritedRouteSettings(vs: IVirtualService | undefined): Omit<HttpRoute, (typeof ROUTING_FIELDS)[number]> {
  const base = catchAll(vs) ?? vs?.spec?.http?.[0];
  if (!base) return {};
  const copy: Partial<HttpRoute> = structuredClone(base);
  for (const f of ROUTING_FIELDS) delete copy[f];
  delete copy.name;
  return copy;
}

/**
 * A duration as Istio's protobuf `Duration` JSON wants it: seconds with an `s` suffix (`500ms` →
 * `0.5s`, `1m` → `60s`); istiod's protojson refuses `m`/`h` units.
 */
export function toIstioDuration(s: string): string {
  const nanos = Math.round(durationMs(s) * 1e6);
  const seconds = (nanos / 1e9).toFixed(9).replace(/\.?0+$/, "");
  return `${seconds}s`;
}

/**
 * The Service's VirtualService with `http` replaced: the current one (its hosts, gateways, tcp/tls
 * routes, labels and annotations kept) or a new one named after the Service for its FQDN.
 */
export function virtualServiceWith(svc: ServiceInfo, current: IVirtualService | undefined, http: HttpRoute[], annotations: Record<string, string | null> = {}): IVirtualService {
  const name = current?.metadata?.name ?? svc.name;
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "VirtualService",
    metadata: managedMetadata(current?.metadata, name, svc.namespace, annotations),
    spec: { ...(current?.spec ?? { hosts: [serviceFqdn(svc)] }), http },
  };
}

/**
 * The Service's DestinationRule with a subset for every version: the current one with the missing
 * subsets added (its other subsets and traffic policy kept), or a new one named after the Service.
 */
export function destinationRuleWithSubsets(svc: ServiceInfo, current: IDestinationRule | undefined, versions: readonly ServiceVersion[]): IDestinationRule {
  const subsets = [...(current?.spec?.subsets ?? [])];
  for (const v of versions) {
    if (!subsets.some((s) => s.name === v.subset)) subsets.push({ name: v.subset, labels: { version: v.version } });
  }
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "DestinationRule",
    metadata: managedMetadata(current?.metadata, current?.metadata?.name ?? svc.name, svc.namespace),
    spec: { ...(current?.spec ?? { host: serviceFqdn(svc) }), subsets },
  };
}

/** The routes fault injection and timeouts edit: the current ones, or one route to the Service's host. */
export function currentOrDefaultRoutes(svc: ServiceInfo, vs: IVirtualService | undefined): HttpRoute[] {
  const http = vs?.spec?.http ?? [];
  return http.length > 0 ? structuredClone(http) : [{ route: [{ destination: { host: serviceFqdn(svc) } }] }];
}
