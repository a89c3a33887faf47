import { afterEach, describe, expect, it, vi } from "vitest";
import { MUTATION_HEADER } from "@/lib/api/mutation";

vi.mock("server-only", () => ({}));
const config = { readOnly: false };
vi.mock("../config", () => ({ getConfig: () => config }));

const { refuse } = await import("./mutation");

function req(headers: Record<string, string>) {
  return { headers: new Headers(headers) };
}

describe("refuse (mutating requests)", () => {
  afterEach(() => {
    config.readOnly = false;
  });

  it("lets a same-origin request with the header through", () => {
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000", origin: "http://localhost:3000" }))).toBeUndefined();
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000" }))).toBeUndefined();
  });

  it("refuses without the header", () => {
    expect(refuse(req({ host: "localhost:3000", origin: "http://localhost:3000" }))).toMatch(MUTATION_HEADER);
  });

  it("refuses another origin, an opaque origin and cross-site fetches", () => {
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000", origin: "https://evil.example" }))).toMatch(/does not match/);
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000", origin: "null" }))).toMatch(/opaque/);
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toMatch(/Cross-site/);
  });

  it("refuses every write when read-only", () => {
    config.readOnly = true;
    expect(refuse(req({ [MUTATION_HEADER]: "1", host: "localhost:3000" }))).toMatch(/read-only/);
  });
});

describe("mutationRoute", () => {
  it("answers 403 without running the handler, and writes the refused attempt to the audit log", async () => {
    const { NextRequest } = await import("next/server");
    const { mutationRoute } = await import("./mutation");
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    let ran = false;
    const handler = mutationRoute("/api/test", () => {
      ran = true;
      return new Response("{}");
    });
    const res = await handler(new NextRequest("http://localhost:3000/api/test?dryRun=true", { method: "POST", headers: { host: "localhost:3000", origin: "https://evil.example", [MUTATION_HEADER]: "1" } }), {});
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
    const line = info.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('{"audit"'));
    expect(JSON.parse(line ?? "{}")).toMatchObject({ audit: { who: "console", action: "post", kind: "/api/test", name: "/api/test", dryRun: true, result: expect.stringMatching(/^403 Origin/) } });
    info.mockRestore();
  });
});
