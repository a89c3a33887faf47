/**
 * Kubeconfig files for the demo cluster: cluster `meshscope-demo`, one user, context `meshscope-demo`
 * set as current.
 */
import { writeFile } from "node:fs/promises";
import yaml from "js-yaml";

/** The cluster and context name. */
export const CONTEXT_NAME = "meshscope-demo";

/** What a kubeconfig needs. */
export interface KubeconfigInput {
  server: string;
  token: string;
  user: string;
  /** PEM of the CA; absent for plain HTTP. */
  caPem?: string;
  namespace?: string;
}

/** Renders a kubeconfig as YAML. */
export function renderKubeconfig(input: KubeconfigInput): string {
  const cluster: Record<string, string> = { server: input.server };
  if (input.caPem) cluster["certificate-authority-data"] = Buffer.from(input.caPem).toString("base64");
  return yaml.dump(
    {
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: CONTEXT_NAME, cluster }],
      users: [{ name: input.user, user: { token: input.token } }],
      contexts: [{ name: CONTEXT_NAME, context: { cluster: CONTEXT_NAME, user: input.user, namespace: input.namespace ?? "default" } }],
      "current-context": CONTEXT_NAME,
      preferences: {},
    },
    { lineWidth: -1 },
  );
}

/** Writes a kubeconfig (mode 0600, it holds a token). */
export async function writeKubeconfig(file: string, input: KubeconfigInput): Promise<void> {
  await writeFile(file, renderKubeconfig(input), { mode: 0o600 });
}
