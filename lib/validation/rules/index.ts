/** Every rule, in registry order. */
import type { AnyRule } from "../rule";
import { apNamespaceNotFound } from "./ap-namespace-not-found";
import { apPrincipalNotFound } from "./ap-principal-not-found";
import { drDisableVsStrict } from "./dr-disable-vs-strict";
import { drDuplicate } from "./dr-duplicate";
import { drHostNotFound } from "./dr-host-not-found";
import { drMutualVsDisabled } from "./dr-mutual-vs-disabled";
import { drMutualWithoutPolicy } from "./dr-mutual-without-policy";
import { drSubsetLabels } from "./dr-subset-labels";
import { gwDuplicateServer } from "./gw-duplicate-server";
import { paDisableVsDrMutual } from "./pa-disable-vs-dr-mutual";
import { paStrictVsDrDisable } from "./pa-strict-vs-dr-disable";
import {
  authorizationPolicySelector,
  gatewaySelector,
  peerAuthenticationSelector,
  requestAuthenticationSelector,
  sidecarSelector,
} from "./selector-no-workload";
import { sidecarEgressHost } from "./sidecar-egress-host";
import { svcAppProtocol } from "./svc-app-protocol";
import { svcPortProtocol } from "./svc-port-protocol";
import { vsDuplicateHost } from "./vs-duplicate-host";
import { vsGatewayNotFound } from "./vs-gateway-not-found";
import { vsHostNotFound } from "./vs-host-not-found";
import { vsInvalidRegex } from "./vs-invalid-regex";
import { vsLoneWeight } from "./vs-lone-weight";
import { vsSubsetNotFound } from "./vs-subset-not-found";
import { vsWeightsRejected } from "./vs-weights-rejected";
import { vsWeightsSum } from "./vs-weights-sum";

export const RULES: readonly AnyRule[] = [
  vsWeightsSum,
  vsWeightsRejected,
  vsLoneWeight,
  vsHostNotFound,
  vsSubsetNotFound,
  vsGatewayNotFound,
  vsDuplicateHost,
  vsInvalidRegex,
  drHostNotFound,
  drSubsetLabels,
  drDuplicate,
  drMutualVsDisabled,
  drMutualWithoutPolicy,
  drDisableVsStrict,
  gatewaySelector,
  gwDuplicateServer,
  sidecarEgressHost,
  sidecarSelector,
  apNamespaceNotFound,
  apPrincipalNotFound,
  authorizationPolicySelector,
  peerAuthenticationSelector,
  paStrictVsDrDisable,
  paDisableVsDrMutual,
  requestAuthenticationSelector,
  svcPortProtocol,
  svcAppProtocol,
];
