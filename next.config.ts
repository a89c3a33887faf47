import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Kubernetes client and prom-client are Node libraries: keep them out of the server bundle.
  serverExternalPackages: ["@kubernetes/client-node", "prom-client"],
  poweredByHeader: false,
  // Parallel builds (e.g. several e2e runs on one machine) each use their own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The build checks the console's own sources; `npm test` type-checks everything (tests, demo, e2e).
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
};

export default nextConfig;
