/**
 * Bearer-token authentication: a map from token to user. No RBAC yet: every authenticated user may do
 * everything; the user is resolved per request so authorization can be added later.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** An authenticated user. */
export interface KubeUser {
  name: string;
  groups: string[];
}

/** The admin's user name in the kubeconfig and in `users`. */
export const ADMIN_USER = "meshscope-admin";

/** A random token, like a service account token's length. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Token → user. */
export class TokenAuthenticator {
  private readonly users = new Map<string, KubeUser>();

  /** @param adminToken the token of the cluster admin (group system:masters) */
  constructor(adminToken: string) {
    this.users.set(adminToken, { name: ADMIN_USER, groups: ["system:masters", "system:authenticated"] });
  }

  /** Adds (or replaces) a token. */
  addUser(token: string, name: string, groups: string[] = []): void {
    this.users.set(token, { name, groups: [...groups, "system:authenticated"] });
  }

  /** Removes a token. */
  removeToken(token: string): void {
    this.users.delete(token);
  }

  /** The user of a bearer token, or undefined. */
  userOf(token: string): KubeUser | undefined {
    for (const [known, user] of this.users) if (sameToken(known, token)) return user;
    return undefined;
  }

  /**
   * The user of a request: a user, `"anonymous"` when there is no Authorization header, or undefined
   * when a token was sent but is unknown (the API answers 401 then).
   */
  authenticate(req: IncomingMessage): KubeUser | "anonymous" | undefined {
    const header = req.headers.authorization;
    if (!header) return "anonymous";
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m?.[1] ? this.userOf(m[1].trim()) : undefined;
  }
}
