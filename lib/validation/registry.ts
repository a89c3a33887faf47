/**
 * Every finding code, with the kind of object it is reported on, its severity and a title.
 * Codes are stable: a retired code is never reused. docs/validations.md explains each one.
 */
import type { ConfigKind, Severity } from "./types";

/** A registry entry: what a code is reported on, how severe it is, and its title. */
export interface RuleInfo {
  code: string;
  kind: ConfigKind;
  severity: Severity;
  title: string;
}

/** Every code, in documentation order. */
export const VALIDATION_RULES = [
  { code: "VS001", kind: "VirtualService", severity: "warning", title: "Route weights do not add up to 100" },
  { code: "VS002", kind: "VirtualService", severity: "error", title: "Route weights Istio rejects (negative, or all zero)" },
  { code: "VS003", kind: "VirtualService", severity: "info", title: "Weight ignored on a lone destination" },
  { code: "VS004", kind: "VirtualService", severity: "error", title: "Destination host not found" },
  { code: "VS005", kind: "VirtualService", severity: "error", title: "Subset not defined by any DestinationRule" },
  { code: "VS006", kind: "VirtualService", severity: "error", title: "Gateway not found" },
  { code: "VS007", kind: "VirtualService", severity: "warning", title: "More than one VirtualService for the same host and gateway" },
  { code: "VS008", kind: "VirtualService", severity: "error", title: "Invalid regular expression in a match" },
  { code: "DR001", kind: "DestinationRule", severity: "error", title: "Host not found" },
  { code: "DR002", kind: "DestinationRule", severity: "error", title: "Subset labels match no workload of the host" },
  { code: "DR003", kind: "DestinationRule", severity: "warning", title: "More than one DestinationRule for the same host or subset" },
  { code: "DR004", kind: "DestinationRule", severity: "error", title: "ISTIO_MUTUAL towards workloads whose mTLS is disabled" },
  { code: "DR005", kind: "DestinationRule", severity: "info", title: "ISTIO_MUTUAL without a PeerAuthentication enabling mTLS" },
  { code: "DR006", kind: "DestinationRule", severity: "error", title: "TLS disabled towards workloads requiring mTLS (STRICT)" },
  { code: "GW001", kind: "Gateway", severity: "warning", title: "Selector matches no workload" },
  { code: "GW002", kind: "Gateway", severity: "warning", title: "More than one Gateway for the same host and port" },
  { code: "SC001", kind: "Sidecar", severity: "warning", title: "Egress host not found" },
  { code: "SC002", kind: "Sidecar", severity: "warning", title: "Workload selector matches no workload" },
  { code: "AP001", kind: "AuthorizationPolicy", severity: "warning", title: "Source namespace not found" },
  { code: "AP002", kind: "AuthorizationPolicy", severity: "error", title: "Source principal's service account not found" },
  { code: "AP003", kind: "AuthorizationPolicy", severity: "warning", title: "Selector matches no workload" },
  { code: "PA001", kind: "PeerAuthentication", severity: "warning", title: "Selector matches no workload" },
  { code: "PA002", kind: "PeerAuthentication", severity: "error", title: "STRICT mTLS while a DestinationRule disables TLS" },
  { code: "PA003", kind: "PeerAuthentication", severity: "error", title: "mTLS disabled while a DestinationRule requires ISTIO_MUTUAL" },
  { code: "RA001", kind: "RequestAuthentication", severity: "warning", title: "Selector matches no workload" },
  { code: "SVC001", kind: "Service", severity: "info", title: "Port protocol not declared" },
  { code: "SVC002", kind: "Service", severity: "warning", title: "Unknown appProtocol" },
] as const satisfies readonly RuleInfo[];

/** A code of the registry. */
export type ValidationCode = (typeof VALIDATION_RULES)[number]["code"];

const BY_CODE = new Map<string, RuleInfo>(VALIDATION_RULES.map((r) => [r.code, r]));

/** The registry entry of `code`, or `undefined` for a code this version does not know. */
export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}
