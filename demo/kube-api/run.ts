/**
 * Runs the demo API alone: `npx tsx demo/kube-api/run.ts [dataDir] [port]`, seeded with test-seed.ts.
 * Prints the kubeconfig path; stops on Ctrl-C.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { startKubeApi } from "./server";
import { testSeed } from "./test-seed";

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? path.join(tmpdir(), "meshscope-kube-api");
  const port = Number(process.argv[3] ?? 0);
  const started = Date.now();
  const api = await startKubeApi({ dataDir, port, seed: testSeed() });
  console.log(`demo Kubernetes API at ${api.url} (started in ${Date.now() - started} ms)`);
  console.log(`export KUBECONFIG=${api.kubeconfigPath}`);
  const stop = (): void => void api.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
