/**
 * The scaled demo mesh in its own process, so that the simulator (traffic, scrapes of ~155k series) and
 * the demo Kubernetes API do not share an event loop with the console being timed, as they never would
 * in a real cluster. Started by ./demo-process.ts: `<dataDir> <scale> <prometheusUrl>`; prints one JSON
 * line with the stack's coordinates, and stops when its stdin closes (the benchmark ended or died).
 */
import { startDemoStack } from "@/demo/stack";

async function main(): Promise<void> {
  const [dataDir, scale, prometheusUrl] = process.argv.slice(2);
  if (!dataDir || !scale || !prometheusUrl) throw new Error("usage: demo-child.ts <dataDir> <scale> <prometheusUrl>");
  const stack = await startDemoStack({ dataDir, scale: Number(scale), seed: 3, prometheusUrl, log: (l) => process.stderr.write(`  demo: ${l}\n`) });
  const stop = () => void stack.stop().finally(() => process.exit(0));
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.on("SIGTERM", stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ kubeconfigPath: stack.kubeconfigPath, jaegerUrl: stack.jaegerUrl, metricsShardUrls: stack.metricsShardUrls })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
