import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { outcomeOfError } from "./outcome";

describe("outcomeOfError", () => {
  it("tells a conflict from an existing name, and keeps a refusal's issues", () => {
    expect(outcomeOfError(new ApiError(409, "changed", "kubernetes", undefined, "Conflict")).kind).toBe("conflict");
    expect(outcomeOfError(new ApiError(409, "exists", "kubernetes", undefined, "AlreadyExists")).kind).toBe("exists");
    expect(outcomeOfError(new ApiError(422, "bad", undefined, [{ path: "spec.x", message: "no" }]))).toEqual({ kind: "invalid", message: "bad", issues: [{ path: "spec.x", message: "no" }] });
  });

  it("says whether a 403 is the read-only console or a permission", () => {
    expect(outcomeOfError(new ApiError(403, "The console is read-only (MESHSCOPE_READ_ONLY=true): writes are disabled", undefined, undefined, "Forbidden"))).toMatchObject({ kind: "forbidden", readOnly: true });
    expect(outcomeOfError(new ApiError(403, "virtualservices is forbidden", "kubernetes"))).toMatchObject({ kind: "forbidden", readOnly: false });
  });

  it("names the upstream of other failures", () => {
    expect(outcomeOfError(new ApiError(502, "down", "kubernetes"))).toEqual({ kind: "failed", message: "kubernetes: down" });
    expect(outcomeOfError(new ApiError(404, "gone"))).toMatchObject({ kind: "gone" });
    expect(outcomeOfError(new Error("offline"))).toEqual({ kind: "failed", message: "offline" });
  });
});
