import path from "node:path";
import { parseArgs } from "node:util";
import { buildConsole, buildIsStale, startConsole, type RunningConsole } from "./console";
import { PrometheusNotInstalledError } from "./prometheus/launcher";
import { startDemoStack, type DemoStack } from "./stack";

const USAGE = `Usage: npm run demo -- [options]

Starts the embedded demo mesh (Kubernetes API, mesh simulator, Prometheus, Jaeger query API) and
the Meshscope console pointed at it.

  --port <n>      console port (default 3000, or $PORT)
  --scale <n>     add n namespaces of 10 workloads each
  --rate <n>      requests per second entering the mesh (default 30, plus 0.2 per namespace in scale mode)
  --dev           run the console with 'next dev' instead of a production build
  --no-console    start only the demo mesh (e.g. to run 'npm run dev' yourself)
  -h, --help      this help
`;

function positiveInt(name: string, v: string | undefined, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got '${v}'\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: "string" },
        scale: { type: "string" },
        rate: { type: "string" },
        dev: { type: "boolean", default: false },
        "no-console": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = positiveInt("port", args.port ?? process.env.PORT, 3000) ?? 3000;
  const scale = positiveInt("scale", args.scale);
  const rate = positiveInt("rate", args.rate);

  let stack: DemoStack | undefined;
  let consoleProc: RunningConsole | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping the demo…");
    await consoleProc?.stop();
    await stack?.stop();
    process.exit(code);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(0));

  try {
    stack = await startDemoStack({
      dataDir: path.resolve(__dirname, "..", ".demo"),
      scale,
      rate,
      log: (l) => console.log(`  ${l}`),
    });
    if (!args["no-console"]) {
      if (!args.dev && buildIsStale()) {
        console.log("Building the console (first run or sources changed)…");
        await buildConsole();
      }
      consoleProc = await startConsole(stack, { port, dev: args.dev });
    }
  } catch (err) {
    if (err instanceof PrometheusNotInstalledError) console.error(`\n${err.message}`);
    else console.error(`\nThe demo failed to start: ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
    return;
  }

  console.log(`
Meshscope demo is running.
  Console         ${consoleProc ? consoleProc.url : "(not started: --no-console)"}
  Kubeconfig      ${stack.kubeconfigPath}     (kubectl --kubeconfig ${path.relative(process.cwd(), stack.kubeconfigPath)} get pods -A)
  Prometheus      ${stack.prometheusUrl}
  Jaeger          ${stack.jaegerUrl}
Press Ctrl-C to stop everything.`);
}

void main();
