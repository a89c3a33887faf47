/**
 * The demo Kubernetes API server: an HTTPS server that speaks the Kubernetes REST protocol well enough
 * for `kubectl` and `@kubernetes/client-node`, with a built-in controller so Deployments get
 * ReplicaSets, running Pods and Endpoints. It is the cluster of the embedded demo mesh and of the
 * integration and e2e tests.
 *
 * @example
 * const api = await startKubeApi({ dataDir: "/tmp/demo", seed });
 * // KUBECONFIG=/tmp/demo/kubeconfig kubectl get pods -A
 * await api.close();
 */
import { mkdir } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import type { KubeObject, PodLogSource } from "../contracts";
import { createApiHandler } from "./api-handler";
import { ADMIN_USER, newToken, TokenAuthenticator } from "./auth";
import { createCluster } from "./cluster";
import { loadIstioCrds } from "./istio-crds";
import { writeKubeconfig } from "./kubeconfig";
import type { ObjectService } from "./object-service";
import { NO_LOGS } from "./pod-logs";
import type { ObjectStore } from "./store";
import { generateTls, opensslAvailable, type TlsMaterial } from "./tls";
import { StreamRegistry } from "./watch";

/** Options of {@link startKubeApi}. */
export interface KubeApiOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Initial objects, created in order (namespaces first). Deployments get ReplicaSets and Pods from the controller. */
  seed?: KubeObject[];
  /** Where `pods/log` reads from (default: no logs). */
  logs?: PodLogSource;
  /** Directory for the kubeconfig (`${dataDir}/kubeconfig`) and the TLS material (`${dataDir}/pki`). */
  dataDir: string;
  /** Extra bearer tokens: token → user name. Every user may do everything (no RBAC yet). */
  users?: Record<string, string>;
  /** Serve HTTPS with a generated CA (default: true when the openssl CLI is available, else plain HTTP). */
  tls?: boolean;
  /** Interval of BOOKMARK events on watches that allow them (default 60 s). */
  bookmarkIntervalMs?: number;
  /** Server-side timeout of watches without `timeoutSeconds` (default 1800 s). */
  watchTimeoutSeconds?: number;
  /** The CRD file to register (default: Istio's crd-all.gen.yaml fixture). */
  istioCrdsFile?: string;
  /** How many changes watches can resume across before `410 Expired` (default 10 000). */
  historySize?: number;
}

/** A running demo API server. */
export interface KubeApi {
  /** `https://127.0.0.1:<port>` (or http:// without TLS). */
  url: string;
  port: number;
  kubeconfigPath: string;
  adminToken: string;
  /** PEM of the CA that signed the server certificate (undefined without TLS). */
  caPem: string | undefined;
  /** The object store (read it, or write with system privileges, in tests and demo tooling). */
  store: ObjectStore;
  /** The API verbs (create/update/patch/delete with admission), for tooling that writes like a client. */
  objects: ObjectService;
  /** Adds a bearer token for a user. */
  addUser(token: string, name: string, groups?: string[]): void;
  /** Marks all containers of a pod (or only `container`) ready or not ready, like failing readiness probes. */
  setPodReady(namespace: string, name: string, ready: boolean, container?: string): KubeObject;
  /** Restarts one container of a pod: restartCount + 1, lastState terminated. */
  restartContainer(namespace: string, pod: string, container: string): KubeObject;
  /** Resolves once the controllers have nothing left to do. */
  settled(): Promise<void>;
  /** Ends all watches and log streams, stops the controllers and frees the port. */
  close(): Promise<void>;
}

async function tlsMaterial(option: boolean | undefined, dir: string, host: string): Promise<TlsMaterial | undefined> {
  if (option === false) return undefined;
  if (option === undefined && !(await opensslAvailable())) {
    console.warn("kube-api: openssl not found, serving plain HTTP");
    return undefined;
  }
  return generateTls(dir, [host]);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the demo Kubernetes API server and writes its kubeconfig. */
export async function startKubeApi(opts: KubeApiOptions): Promise<KubeApi> {
  const host = opts.host ?? "127.0.0.1";
  await mkdir(opts.dataDir, { recursive: true });
  const [crds, tls] = await Promise.all([
    loadIstioCrds(opts.istioCrdsFile),
    tlsMaterial(opts.tls, path.join(opts.dataDir, "pki"), host),
  ]);

  const { store, objects: service, controller } = await createCluster({
    crds,
    seed: opts.seed,
    caPem: tls?.caPem,
    historySize: opts.historySize,
  });

  const adminToken = newToken();
  const auth = new TokenAuthenticator(adminToken);
  for (const [token, name] of Object.entries(opts.users ?? {})) auth.addUser(token, name);
  const streams = new StreamRegistry();
  const clientHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  let port = 0;
  const handler = createApiHandler({
    service,
    auth,
    streams,
    logs: opts.logs ?? NO_LOGS,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 60_000,
    defaultWatchTimeoutSeconds: opts.watchTimeoutSeconds ?? 1800,
    serverAddress: () => `${clientHost}:${port}`,
  });
  const server: Server = tls ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, handler) : createHttpServer(handler);
  server.keepAliveTimeout = 65_000;
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  port = await listen(server, opts.port ?? 0, host);

  const url = `${tls ? "https" : "http"}://${clientHost.includes(":") ? `[${clientHost}]` : clientHost}:${port}`;
  const kubeconfigPath = path.join(opts.dataDir, "kubeconfig");
  await writeKubeconfig(kubeconfigPath, { server: url, token: adminToken, user: ADMIN_USER, caPem: tls?.caPem });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    kubeconfigPath,
    adminToken,
    caPem: tls?.caPem,
    store,
    objects: service,
    addUser: (token, name, groups) => auth.addUser(token, name, groups),
    setPodReady: (namespace, name, ready, container) => controller.setPodReady(namespace, name, ready, container),
    restartContainer: (namespace, pod, container) => controller.restartContainer(namespace, pod, container),
    settled: () => controller.idle(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        controller.stop();
        streams.closeAll();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
      });
      return closing;
    },
  };
}
