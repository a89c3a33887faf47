/**
 * The demo topology: {@link seedObjects} and the namespace builders it is made of.
 */
export { seedObjects, type SeedOptions } from "./seed";
export { scaleNamespaceName } from "./scale";
export { INGRESS_NAMESPACE, INGRESS_WORKLOAD } from "./istio-system";
