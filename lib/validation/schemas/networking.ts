/**
 * The fields of Istio's networking kinds that rules read (field names as in Istio's CRDs,
 * networking.istio.io/v1), parsed leniently (see ./common).
 */
import { z } from "zod";
import { labelMap, list, opt, strings } from "./common";

const portSelector = opt(z.object({ number: opt(z.number()) }));

export const destination = z.object({ host: opt(z.string()), subset: opt(z.string()), port: portSelector });
export type Destination = z.output<typeof destination>;

const routeDestination = z.object({ destination: opt(destination), weight: opt(z.number()) });
export type RouteDestination = z.output<typeof routeDestination>;

const stringMatch = z.object({ exact: opt(z.string()), prefix: opt(z.string()), regex: opt(z.string()) });
const stringMatchMap = opt(z.record(z.string(), stringMatch.catch({})));

const httpMatch = z.object({
  uri: opt(stringMatch),
  scheme: opt(stringMatch),
  method: opt(stringMatch),
  authority: opt(stringMatch),
  headers: stringMatchMap,
  queryParams: stringMatchMap,
  withoutHeaders: stringMatchMap,
  gateways: strings,
});

const httpRoute = z.object({
  match: list(httpMatch, {}),
  route: list(routeDestination, {}),
  mirror: opt(destination),
  mirrors: list(z.object({ destination: opt(destination) }), {}),
  corsPolicy: opt(z.object({ allowOrigins: list(stringMatch, {}) })),
});

/** TCP and TLS routes: matches (only their gateways matter here) and weighted destinations. */
const l4Route = z.object({ match: list(z.object({ gateways: strings }), {}), route: list(routeDestination, {}) });

export const virtualServiceSpec = z
  .object({
    hosts: strings,
    gateways: strings,
    exportTo: strings,
    http: list(httpRoute, {}),
    tcp: list(l4Route, {}),
    tls: list(l4Route, {}),
  })
  .catch({});
export type VirtualServiceSpec = z.output<typeof virtualServiceSpec>;

const tlsSettings = opt(z.object({ mode: opt(z.string()) }));
export const trafficPolicy = z.object({
  tls: tlsSettings,
  portLevelSettings: list(z.object({ port: portSelector, tls: tlsSettings }), {}),
});
export type TrafficPolicy = z.output<typeof trafficPolicy>;

const subset = z.object({ name: opt(z.string()), labels: labelMap, trafficPolicy: opt(trafficPolicy) });
export type Subset = z.output<typeof subset>;

export const destinationRuleSpec = z
  .object({
    host: opt(z.string()),
    trafficPolicy: opt(trafficPolicy),
    subsets: list(subset, {}),
    exportTo: strings,
    workloadSelector: opt(z.object({ matchLabels: labelMap })),
  })
  .catch({});
export type DestinationRuleSpec = z.output<typeof destinationRuleSpec>;

const server = z.object({
  port: opt(z.object({ number: opt(z.number()), name: opt(z.string()), protocol: opt(z.string()) })),
  hosts: strings,
});

export const gatewaySpec = z.object({ selector: labelMap, servers: list(server, {}) }).catch({});
export type GatewaySpec = z.output<typeof gatewaySpec>;

export const serviceEntrySpec = z
  .object({ hosts: strings, exportTo: strings, location: opt(z.string()), workloadSelector: opt(z.object({ labels: labelMap })) })
  .catch({});
export type ServiceEntrySpec = z.output<typeof serviceEntrySpec>;

export const sidecarSpec = z
  .object({
    workloadSelector: opt(z.object({ labels: labelMap })),
    egress: list(z.object({ hosts: strings }), {}),
  })
  .catch({});
export type SidecarSpec = z.output<typeof sidecarSpec>;
