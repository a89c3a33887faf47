/**
 * Kubernetes `Status` bodies and the typed error the handlers throw to answer with one.
 * Messages follow k8s.io/apimachinery/pkg/api/errors so clients (kubectl, client-go, client-node) print
 * what they print against a real API server.
 */

/** One reason an object was rejected (`details.causes[]`). */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

/** `Status.details`. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A `v1 Status` object. */
export interface KubeStatus {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** What the error builders need to know about a resource. */
export interface ResourceRef {
  group: string;
  plural: string;
  kind: string;
}

/** An error that the server answers with its {@link KubeStatus}. */
export class ApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message ?? status.reason ?? "error");
    this.name = "ApiError";
  }

  /** The HTTP status code. */
  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  const status: KubeStatus = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) status.details = details;
  return new ApiError(status);
}

/** `pods` or `virtualservices.networking.istio.io`, as in the real messages. */
export function qualifiedResource(ref: ResourceRef): string {
  return ref.group ? `${ref.plural}.${ref.group}` : ref.plural;
}

/** `Pod` or `VirtualService.networking.istio.io`. */
export function qualifiedKind(ref: ResourceRef): string {
  return ref.group ? `${ref.kind}.${ref.group}` : ref.kind;
}

/** 404 NotFound for a named object. */
export function notFound(ref: ResourceRef, name: string): ApiError {
  return failure(404, "NotFound", `${qualifiedResource(ref)} "${name}" not found`, {
    name,
    group: ref.group || undefined,
    kind: ref.plural,
  });
}

/** 404 for a path the server does not serve. */
export function routeNotFound(): ApiError {
  return failure(404, "NotFound", "the server could not find the requested resource", {});
}

/** 409 AlreadyExists. */
export function alreadyExists(ref: ResourceRef, name: string): ApiError {
  return failure(409, "AlreadyExists", `${qualifiedResource(ref)} "${name}" already exists`, {
    name,
    group: ref.group || undefined,
    kind: ref.plural,
  });
}

/** 409 Conflict, by default the stale-resourceVersion message. */
export function conflict(
  ref: ResourceRef,
  name: string,
  reason = "the object has been modified; please apply your changes to the latest version and try again",
): ApiError {
  return failure(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource(ref)} "${name}": ${reason}`, {
    name,
    group: ref.group || undefined,
    kind: ref.plural,
  });
}

/** 422 Invalid with one cause per rejected field. */
export function invalid(ref: ResourceRef, name: string, causes: StatusCause[]): ApiError {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = parts.length === 1 ? (parts[0] ?? "") : `[${parts.join(", ")}]`;
  return failure(422, "Invalid", `${qualifiedKind(ref)} "${name}" is invalid: ${joined}`, {
    name,
    group: ref.group || undefined,
    kind: ref.kind,
    causes,
  });
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return failure(400, "BadRequest", message);
}

/** 401 Unauthorized. */
export function unauthorized(): ApiError {
  return failure(401, "Unauthorized", "Unauthorized");
}

/** 403 Forbidden. */
export function forbidden(message: string, ref?: ResourceRef, name?: string): ApiError {
  return failure(403, "Forbidden", message, ref ? { name, group: ref.group || undefined, kind: ref.plural } : undefined);
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(): ApiError {
  return failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
}

/** 406 NotAcceptable. */
export function notAcceptable(accepted: string[]): ApiError {
  return failure(
    406,
    "NotAcceptable",
    `only the following media types are accepted: ${accepted.join(", ")}`,
  );
}

/** 415 UnsupportedMediaType. */
export function unsupportedMediaType(accepted: string[]): ApiError {
  return failure(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
  );
}

/** 410 Gone with reason Expired, as for a compacted resourceVersion. */
export function expired(message: string): ApiError {
  return failure(410, "Expired", message);
}

/** 413 RequestEntityTooLarge. */
export function tooLarge(limit: number): ApiError {
  return failure(413, "RequestEntityTooLarge", `Request entity too large: limit is ${limit}`);
}

/** 500 InternalError. */
export function internalError(message: string): ApiError {
  return failure(500, "InternalError", `Internal error occurred: ${message}`, {
    causes: [{ message }],
  });
}

/** A `Status` with status Success, as returned by some deletes. */
export function success(details: StatusDetails): KubeStatus {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details, code: 200 };
}
