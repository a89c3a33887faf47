/**
 * How a simulated application behaves, declared on its Kubernetes object (Deployment or ServiceEntry)
 * in the {@link PROFILE_ANNOTATION} annotation as JSON. Keeping behaviour in the seeded objects makes
 * the simulator generic: a workload created through the API without a profile simply answers 200.
 */
import { z } from "zod";
import type { KubeObject } from "../contracts";

/** Annotation holding a JSON {@link SimProfile}. */
export const PROFILE_ANNOTATION = "sim.meshscope.dev/profile";

const headerVariantSchema = z.object({
  name: z.string(),
  value: z.string(),
  /** Share of requests carrying the header (0..1). */
  fraction: z.number().min(0).max(1),
});

const callSchema = z.object({
  /** Short name (`reviews`), `<svc>.<ns>`, FQDN or external host. */
  host: z.string(),
  port: z.number().int().positive(),
  method: z.string().optional(),
  path: z.string().optional(),
  /** Probability that one handled request makes this call (default 1). */
  ratio: z.number().min(0).max(1).optional(),
  /** For `originate.mode = "one"`: relative weight of this entry request. */
  weight: z.number().min(0).optional(),
  /** Headers set on a share of requests (e.g. `end-user: jason`). */
  headers: z.array(headerVariantSchema).optional(),
  userAgent: z.string().optional(),
  /** Request body size in bytes (TCP: bytes written per exchange). */
  requestBytes: z.number().int().min(0).optional(),
  /** TCP: bytes read back per exchange. */
  responseBytes: z.number().int().min(0).optional(),
  /** TCP: share of exchanges that open (and later close) a new connection (default 0.1). */
  newConnectionRatio: z.number().min(0).max(1).optional(),
  /** Whether a failed call makes this request fail too (default true). */
  propagateErrors: z.boolean().optional(),
});

/** The behaviour of one application, as carried by {@link PROFILE_ANNOTATION}. */
export const simProfileSchema = z.object({
  /** Median time spent in the application itself, in ms (default 5). */
  latencyMs: z.number().min(0).optional(),
  /** A share of slow requests and how much slower they are (ms added, spread ±50%). */
  tail: z.object({ ratio: z.number().min(0).max(1), ms: z.number().min(0) }).optional(),
  /** Application errors: share and HTTP status (gRPC status for gRPC ports). */
  errors: z
    .object({
      ratio: z.number().min(0).max(1),
      code: z.number().int().min(100).max(599).optional(),
      grpcStatus: z.number().int().min(1).max(16).optional(),
    })
    .optional(),
  /** Typical response size in bytes (default 600). */
  responseBytes: z.number().int().min(0).optional(),
  /** Calls made while handling each request (in order). */
  calls: z.array(callSchema).optional(),
  /** This workload starts requests on its own (a load generator, batch job or the ingress gateway). */
  originate: z
    .object({
      weight: z.number().min(0),
      /** `all`: run `calls` (each with its ratio); `one`: pick one call by weight (entry traffic). */
      mode: z.enum(["all", "one"]).optional(),
    })
    .optional(),
  /** Clients outside the mesh (unknown source) call this workload's service directly. */
  external: z
    .object({
      weight: z.number().min(0),
      host: z.string(),
      port: z.number().int().positive(),
      path: z.string().optional(),
      method: z.string().optional(),
    })
    .optional(),
  /** Request headers copied onto outgoing calls (default `end-user`, like Bookinfo's productpage). */
  propagateHeaders: z.array(z.string()).optional(),
});

export type SimProfile = z.infer<typeof simProfileSchema>;
export type SimCall = z.infer<typeof callSchema>;
export type HeaderVariant = z.infer<typeof headerVariantSchema>;

/** Reads the profile of an object; an absent or invalid annotation yields an empty profile. */
export function readProfile(obj: KubeObject): SimProfile {
  const raw = obj.metadata.annotations?.[PROFILE_ANNOTATION];
  if (!raw) return {};
  try {
    const parsed = simProfileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Serialises a profile into the annotation map of a seeded object. */
export function profileAnnotation(profile: SimProfile): Record<string, string> {
  return { [PROFILE_ANNOTATION]: JSON.stringify(profile) };
}
