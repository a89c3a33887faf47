import { describe, expect, it } from "vitest";
import { identityLabel, resolveIdentity } from "./identity";

describe("request identity", () => {
  it("uses the console's credentials without a token", () => {
    expect(resolveIdentity(new Headers())).toEqual({ kind: "console" });
  });

  it("takes a bearer token from Authorization", () => {
    expect(resolveIdentity(new Headers({ authorization: "Bearer abc.def" }))).toEqual({ kind: "user", token: "abc.def" });
  });

  it("takes the token cookie", () => {
    expect(resolveIdentity(new Headers({ cookie: "a=1; meshscope-token=t%2Bk; b=2" }))).toEqual({ kind: "user", token: "t+k" });
  });

  it("never puts the token in labels", () => {
    expect(identityLabel({ kind: "user", token: "secret-token" })).not.toContain("secret-token");
  });
});
