import { describe, expect, it } from "vitest";
import { requestRoutingInput } from "../inputs";
import { schemaFieldErrors } from "./issues";
import { initialRouting, routingInput, routingReducer, type RoutingAction, type RoutingDraft } from "./routing-form";

const weights = [
  { version: "v1", weight: 50 },
  { version: "v2", weight: 0 },
  { version: "v3", weight: 50 },
];
const run = (d: RoutingDraft, ...actions: RoutingAction[]) => actions.reduce(routingReducer, d);

describe("the request-routing form", () => {
  it("adds a rule before the catch-all and builds a valid input", () => {
    const d = run(
      initialRouting(weights),
      { type: "add-rule", weights },
      { type: "set-header", rule: 0, match: 0, header: 0, patch: { value: "jason" } },
      { type: "routes", rule: 0, action: { type: "promote", version: "v2" } },
      { type: "add-match", rule: 0 },
      { type: "remove-header", rule: 0, match: 1, header: 0 },
      { type: "set-match", rule: 0, match: 1, patch: { uriKind: "prefix", uri: "/api", methodKind: "exact", method: "POST" } },
    );
    const input = routingInput(d);
    expect(input).toEqual({
      rules: [
        {
          matches: [
            { headers: [{ name: "end-user", match: { kind: "exact", value: "jason" } }] },
            { headers: [], uri: { kind: "prefix", value: "/api" }, method: { kind: "exact", value: "POST" } },
          ],
          routes: [
            { version: "v1", weight: 0 },
            { version: "v2", weight: 100 },
            { version: "v3", weight: 0 },
          ],
        },
        { matches: [], routes: weights },
      ],
    });
    expect(requestRoutingInput.safeParse(input).success).toBe(true);
  });

  it("reports bad fields by their place in the form", () => {
    const d = run(initialRouting(weights), { type: "add-rule", weights }, { type: "set-header", rule: 0, match: 0, header: 0, patch: { name: "End-User" } }, { type: "move-rule", rule: 0, by: 1 });
    const e = schemaFieldErrors(requestRoutingInput, routingInput(d));
    expect(e["rules.1.matches.0.headers.0.name"]).toEqual(["must be a lowercase HTTP header name"]);
    expect(e["rules.1.matches.0.headers.0.match.value"]).toEqual(["is required"]);
    expect(e["rules.0.matches"]?.[0]).toMatch(/must be the last/);
  });

  it("moves and removes rules, and ignores moves past the ends", () => {
    const d = run(initialRouting(weights), { type: "add-rule", weights });
    expect(run(d, { type: "move-rule", rule: 0, by: -1 })).toEqual(d);
    expect(run(d, { type: "remove-rule", rule: 0 }).rules).toHaveLength(1);
  });
});
