// The benchmarks' own unit tests (not part of `npm test`): `npx vitest run -c bench/vitest.config.ts`.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, ".."), "server-only": path.resolve(__dirname, "../test/server-only-stub.ts") } },
  test: { root: path.resolve(__dirname, ".."), include: ["bench/**/*.test.ts"], environment: "node" },
});
