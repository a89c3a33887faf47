import { describe, expect, it } from "vitest";
import type { PreviewResponse, WizardChange } from "../api";
import { applyBlocker, conflictSubject, diffLineKind, diffStat, expectedFrom, requestKey, targetHomeHref } from "./flow";

const change = (over: Partial<WizardChange> = {}): WizardChange => ({
  action: "update",
  apiVersion: "networking.istio.io/v1",
  kind: "VirtualService",
  namespace: "bookinfo",
  name: "reviews",
  resourceVersion: "42",
  currentYaml: "a: 1\n",
  desiredYaml: "a: 2\n",
  diff: "--- current\n+++ desired\n@@ -1 +1 @@\n-a: 1\n+a: 2\n",
  dryRun: { ok: true, warnings: [] },
  ...over,
});
const preview = (changes: WizardChange[]): PreviewResponse => ({ wizard: "traffic-shifting", target: { namespace: "bookinfo", service: "reviews" }, changes, warnings: [] });
const target = { namespace: "bookinfo", service: "reviews" };

describe("apply", () => {
  const key = requestKey(target, { weights: [{ version: "v1", weight: 100 }] });

  it("is allowed only for a current preview whose dry runs passed and that changes something", () => {
    const ok = preview([change(), change({ kind: "DestinationRule", action: "create", resourceVersion: null })]);
    expect(applyBlocker({ valid: true, preview: ok, previewKey: key, currentKey: key })).toBeNull();
    expect(applyBlocker({ valid: false, preview: ok, previewKey: key, currentKey: key })).toMatch(/Fix the fields/);
    expect(applyBlocker({ valid: true, preview: undefined, previewKey: undefined, currentKey: key })).toMatch(/Preview/);
    expect(applyBlocker({ valid: true, preview: ok, previewKey: key, currentKey: requestKey(target, {}) })).toMatch(/changed since the preview/);
    const refused = preview([change({ dryRun: { ok: false, status: 422, message: "spec.http: invalid", issues: [] } })]);
    expect(applyBlocker({ valid: true, preview: refused, previewKey: key, currentKey: key })).toBe("The API server refused the dry run of VirtualService/reviews.");
    expect(applyBlocker({ valid: true, preview: preview([change({ action: "unchanged", diff: "" })]), previewKey: key, currentKey: key })).toMatch(/Nothing to change/);
  });

  it("sends back the versions of the preview", () => {
    expect(expectedFrom(preview([change(), change({ kind: "DestinationRule", resourceVersion: null })]))).toEqual([
      { kind: "VirtualService", namespace: "bookinfo", name: "reviews", resourceVersion: "42" },
      { kind: "DestinationRule", namespace: "bookinfo", name: "reviews", resourceVersion: null },
    ]);
    expect(requestKey(target, { a: 1 })).not.toBe(requestKey({ ...target, workload: "x" }, { a: 1 }));
  });
});

describe("conflictSubject", () => {
  const expected = [
    { kind: "VirtualService", namespace: "bookinfo", name: "reviews", resourceVersion: "1" },
    { kind: "DestinationRule", namespace: "bookinfo", name: "reviews-meshscope", resourceVersion: "2" },
  ];
  it("names the object from an expected.N issue, the message, or the only object", () => {
    expect(conflictSubject({ message: "conflict", issues: [{ path: "expected.1", message: "changed" }] }, expected)).toBe(expected[1]);
    expect(conflictSubject({ message: 'Operation cannot be fulfilled on destinationrules "reviews-meshscope": the object has been modified' }, expected)).toBe(expected[1]);
    expect(conflictSubject({ message: "VirtualService/reviews changed since the preview" }, expected)).toBe(expected[0]);
    expect(conflictSubject({ message: "something changed" }, expected)).toBeNull();
    const sameName = [expected[0]!, { ...expected[1]!, name: "reviews" }];
    const apiServer = 'Operation cannot be fulfilled on destinationrules.networking.istio.io "reviews": the object has been modified';
    expect(conflictSubject({ message: apiServer }, sameName)).toBe(sameName[1]);
    expect(conflictSubject({ message: "something changed" }, expected.slice(0, 1))).toBe(expected[0]);
  });
});

describe("diff lines", () => {
  it("colours additions, removals, hunks and headers", () => {
    expect(["--- a", "+++ b", "@@ -1 +1 @@", "-x", "+y", " z"].map(diffLineKind)).toEqual(["header", "header", "hunk", "remove", "add", "context"]);
    expect(diffStat(change().diff)).toEqual({ added: 1, removed: 1 });
  });
});

describe("targetHomeHref", () => {
  it("goes back to the service, the workload or the namespace's graph", () => {
    expect(targetHomeHref({ namespace: "bookinfo", service: "reviews" }).href).toBe("/services/bookinfo/reviews");
    expect(targetHomeHref({ namespace: "bookinfo", workload: "reviews-v1" }).href).toBe("/workloads/bookinfo/reviews-v1");
    expect(targetHomeHref({ namespace: "bookinfo" }).href).toBe("/graph?namespaces=bookinfo");
  });
});
