import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const serverImport = {
  group: ["@/server/*", "**/server/*"],
  message: "server/ is server-only: reach it through an API route, never from lib/ or components/.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "test-results/**", "node_modules/**", "next-env.d.ts", ".demo/**"] },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Module boundaries (see ARCHITECTURE.md): lib/ is pure and isomorphic, components/ talk to the API.
  { files: ["lib/**", "components/**"], rules: { "no-restricted-imports": ["error", { patterns: [serverImport] }] } },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [serverImport, { group: ["@/components/*", "react", "next/*"], message: "lib/ holds pure logic." }] },
      ],
    },
  },
  // The demo, tests, benchmarks and scripts are Node programs, not pages.
  { files: ["demo/**", "e2e/**", "bench/**", "scripts/**", "test/**"], rules: { "@next/next/no-assign-module-variable": "off" } },
];

export default config;
