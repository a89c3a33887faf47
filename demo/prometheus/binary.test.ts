import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPrometheusBinary, PrometheusNotInstalledError, resolveExecutable } from "./binary";

const dir = mkdtempSync(path.join(tmpdir(), "prom-bin-"));
const fake = path.join(dir, "prometheus");
writeFileSync(fake, "#!/bin/sh\nexit 0\n");
chmodSync(fake, 0o755);
const notExecutable = path.join(dir, "plain");
writeFileSync(notExecutable, "");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findPrometheusBinary", () => {
  it("prefers PROMETHEUS_BIN", () => {
    expect(findPrometheusBinary({ PROMETHEUS_BIN: fake, PATH: "" })).toBe(fake);
  });

  it("does not fall back to PATH when PROMETHEUS_BIN is not executable", () => {
    expect(findPrometheusBinary({ PROMETHEUS_BIN: notExecutable, PATH: dir })).toBeUndefined();
  });

  it("searches PATH for `prometheus`", () => {
    expect(findPrometheusBinary({ PATH: ["/nonexistent", dir].join(path.delimiter) })).toBe(fake);
    expect(findPrometheusBinary({ PATH: "/nonexistent" })).toBeUndefined();
  });

  it("resolves explicit paths and bare names", () => {
    expect(resolveExecutable(fake, { PATH: "" })).toBe(fake);
    expect(resolveExecutable("prometheus", { PATH: dir })).toBe(fake);
    expect(resolveExecutable(path.join(dir, "missing"), { PATH: dir })).toBeUndefined();
  });
});

describe("PrometheusNotInstalledError", () => {
  it("says how to install Prometheus or where to point the console instead", () => {
    const e = new PrometheusNotInstalledError("no `prometheus` on PATH");
    expect(e.message).toContain("sudo apt-get install prometheus");
    expect(e.message).toContain("PROMETHEUS_URL");
    expect(e.message).toContain("PROMETHEUS_BIN");
  });
});
