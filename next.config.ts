import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Kubernetes client and prom-client are Node libraries: keep them out of the server bundle.
  serverExternalPackages: ["@kubernetes/client-node", "prom-client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
