/**
 * Loaders of the `@kubernetes-models/istio` model of each Istio kind, by `<apiVersion>/<kind>`.
 * The package is ESM-only (no `require` export), so the models are loaded with dynamic `import()`,
 * which works both under tsx's CommonJS mode and in Vitest.
 */

/** A model class: construct it with an object, `validate()` throws an ajv ValidationError. */
export type IstioModel = new (data: Record<string, unknown>) => { validate(): void };

type Loader = () => Promise<unknown>;

/** `[apiVersion/kind, loader]` for every Istio kind the models package has. */
export const ISTIO_MODEL_LOADERS: ReadonlyArray<readonly [string, Loader]> = [
  ["networking.istio.io/v1/DestinationRule", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/DestinationRule")).DestinationRule],
  ["networking.istio.io/v1/Gateway", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/Gateway")).Gateway],
  ["networking.istio.io/v1/ServiceEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry")).ServiceEntry],
  ["networking.istio.io/v1/Sidecar", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/Sidecar")).Sidecar],
  ["networking.istio.io/v1/VirtualService", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/VirtualService")).VirtualService],
  ["networking.istio.io/v1/WorkloadEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/WorkloadEntry")).WorkloadEntry],
  ["networking.istio.io/v1/WorkloadGroup", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1/WorkloadGroup")).WorkloadGroup],
  ["networking.istio.io/v1beta1/DestinationRule", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule")).DestinationRule],
  ["networking.istio.io/v1beta1/Gateway", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway")).Gateway],
  ["networking.istio.io/v1beta1/ProxyConfig", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/ProxyConfig")).ProxyConfig],
  ["networking.istio.io/v1beta1/ServiceEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/ServiceEntry")).ServiceEntry],
  ["networking.istio.io/v1beta1/Sidecar", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/Sidecar")).Sidecar],
  ["networking.istio.io/v1beta1/VirtualService", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService")).VirtualService],
  ["networking.istio.io/v1beta1/WorkloadEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/WorkloadEntry")).WorkloadEntry],
  ["networking.istio.io/v1beta1/WorkloadGroup", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1beta1/WorkloadGroup")).WorkloadGroup],
  ["networking.istio.io/v1alpha3/DestinationRule", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule")).DestinationRule],
  ["networking.istio.io/v1alpha3/EnvoyFilter", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/EnvoyFilter")).EnvoyFilter],
  ["networking.istio.io/v1alpha3/Gateway", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/Gateway")).Gateway],
  ["networking.istio.io/v1alpha3/ServiceEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/ServiceEntry")).ServiceEntry],
  ["networking.istio.io/v1alpha3/Sidecar", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/Sidecar")).Sidecar],
  ["networking.istio.io/v1alpha3/VirtualService", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService")).VirtualService],
  ["networking.istio.io/v1alpha3/WorkloadEntry", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/WorkloadEntry")).WorkloadEntry],
  ["networking.istio.io/v1alpha3/WorkloadGroup", async () => (await import("@kubernetes-models/istio/networking.istio.io/v1alpha3/WorkloadGroup")).WorkloadGroup],
  ["security.istio.io/v1/AuthorizationPolicy", async () => (await import("@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy")).AuthorizationPolicy],
  ["security.istio.io/v1/PeerAuthentication", async () => (await import("@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication")).PeerAuthentication],
  ["security.istio.io/v1/RequestAuthentication", async () => (await import("@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication")).RequestAuthentication],
  ["security.istio.io/v1beta1/AuthorizationPolicy", async () => (await import("@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy")).AuthorizationPolicy],
  ["security.istio.io/v1beta1/PeerAuthentication", async () => (await import("@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication")).PeerAuthentication],
  ["security.istio.io/v1beta1/RequestAuthentication", async () => (await import("@kubernetes-models/istio/security.istio.io/v1beta1/RequestAuthentication")).RequestAuthentication],
  ["telemetry.istio.io/v1/Telemetry", async () => (await import("@kubernetes-models/istio/telemetry.istio.io/v1/Telemetry")).Telemetry],
  ["telemetry.istio.io/v1alpha1/Telemetry", async () => (await import("@kubernetes-models/istio/telemetry.istio.io/v1alpha1/Telemetry")).Telemetry],
  ["extensions.istio.io/v1alpha1/WasmPlugin", async () => (await import("@kubernetes-models/istio/extensions.istio.io/v1alpha1/WasmPlugin")).WasmPlugin],
];
