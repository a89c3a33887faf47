/**
 * The self-reviews clients use to learn who they are and what they may do: `SelfSubjectReview`
 * (`kubectl auth whoami`), `SelfSubjectAccessReview` (`kubectl auth can-i`) and `SelfSubjectRulesReview`
 * (`kubectl auth can-i --list`). There is no RBAC yet, so every authenticated user may do everything;
 * this is where authorization will answer once restricted users exist.
 */
import type { KubeUser } from "./auth";
import { isRecord } from "./json";
import { apiVersionOf, type ResourceType } from "./resource-types";
import { badRequest } from "./status";

/** The answer to a review request. */
export function answerReview(type: ResourceType, body: unknown, user: KubeUser): Record<string, unknown> {
  if (!isRecord(body)) throw badRequest("the body must be an object");
  const base = { apiVersion: apiVersionOf(type), kind: type.kind, metadata: { creationTimestamp: null } };
  switch (type.kind) {
    case "SelfSubjectReview":
      return { ...base, status: { userInfo: { username: user.name, groups: user.groups } } };
    case "SelfSubjectAccessReview":
      return { ...base, spec: body["spec"] ?? {}, status: { allowed: true, reason: "the demo API does not enforce RBAC" } };
    default:
      return {
        ...base,
        spec: body["spec"] ?? {},
        status: {
          resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }],
          nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }],
          incomplete: false,
        },
      };
  }
}
