import "server-only";

/**
 * On whose behalf a Kubernetes call is made. `console`: the console's own credentials (kubeconfig or
 * in-cluster service account). `user`: the caller's bearer token, so that their RBAC decides.
 */
export type Identity = { kind: "console" } | { kind: "user"; token: string };

export const CONSOLE_IDENTITY: Identity = { kind: "console" };

/** The cookie a token login stores the user's bearer token in. */
export const TOKEN_COOKIE = "meshscope-token";

/**
 * Resolves the identity of a request: a bearer token in `Authorization` (scripts) or the token cookie
 * (browser sessions); otherwise the console's own credentials.
 */
export function resolveIdentity(headers: Headers): Identity {
  const auth = headers.get("authorization");
  const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return { kind: "user", token: bearer };
  const cookie = headers.get("cookie");
  const fromCookie = cookie
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`))
    ?.slice(TOKEN_COOKIE.length + 1);
  if (fromCookie) return { kind: "user", token: decodeURIComponent(fromCookie) };
  return CONSOLE_IDENTITY;
}

/** A short label for logs and metrics that never contains the token. */
export function identityLabel(id: Identity): string {
  return id.kind === "console" ? "console" : `user:${id.token.slice(0, 4)}…`;
}
