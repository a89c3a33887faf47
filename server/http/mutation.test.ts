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
