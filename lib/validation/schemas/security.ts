/**
 * The fields of Istio's security kinds that rules read (field names as in Istio's CRDs,
 * security.istio.io/v1), parsed leniently (see ./common).
 */
import { z } from "zod";
import { list, opt, strings, workloadSelector } from "./common";

/** AuthorizationPolicies and RequestAuthentications attached with `targetRef(s)` (to a waypoint or gateway) ignore `selector`. */
const targets = { targetRef: opt(z.unknown()), targetRefs: opt(z.array(z.unknown())) };

const mtls = opt(z.object({ mode: opt(z.string()) }));

export const peerAuthenticationSpec = z
  .object({ selector: workloadSelector, mtls, portLevelMtls: opt(z.record(z.string(), z.unknown())) })
  .catch({});
export type PeerAuthenticationSpec = z.output<typeof peerAuthenticationSpec>;

const source = z.object({ namespaces: strings, principals: strings, notNamespaces: strings, notPrincipals: strings });

export const authorizationPolicySpec = z
  .object({
    selector: workloadSelector,
    action: opt(z.string()),
    rules: list(z.object({ from: list(z.object({ source: opt(source) }), {}) }), {}),
    ...targets,
  })
  .catch({});
export type AuthorizationPolicySpec = z.output<typeof authorizationPolicySpec>;

export const requestAuthenticationSpec = z.object({ selector: workloadSelector, ...targets }).catch({});
export type RequestAuthenticationSpec = z.output<typeof requestAuthenticationSpec>;
