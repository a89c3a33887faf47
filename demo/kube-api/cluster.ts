/**
 * The cluster without its HTTP front: store, served resources, API verbs and controllers, bootstrapped
 * with the CRDs, system namespaces, the node and the seed. The server wraps it; unit tests use it alone.
 */
import type { KubeObject } from "../contracts";
import { bootstrap } from "./bootstrap";
import { Controller } from "./controller";
import { controllerTypes } from "./controller-context";
import { IpAllocator } from "./ip-allocator";
import { IstioValidator } from "./istio-validation";
import { ObjectService } from "./object-service";
import { ResourceRegistry } from "./registry";
import { ObjectStore } from "./store";

/** The parts of a running cluster. */
export interface Cluster {
  store: ObjectStore;
  registry: ResourceRegistry;
  objects: ObjectService;
  controller: Controller;
}

/** Options of {@link createCluster}. */
export interface ClusterOptions {
  crds: readonly KubeObject[];
  seed?: readonly KubeObject[];
  caPem?: string;
  historySize?: number;
}

let validator: Promise<IstioValidator> | undefined;

/** Builds and bootstraps a cluster; resolves once the controllers have settled. */
export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  validator ??= IstioValidator.load();
  const istio = await validator;
  const store = new ObjectStore(options.historySize);
  const registry = new ResourceRegistry();
  const ips = new IpAllocator();
  const objects = new ObjectService(store, registry, istio, ips);
  const controller = new Controller({ store, types: controllerTypes(registry), ips, caPem: options.caPem ?? "" });
  bootstrap(objects, options.crds, options.seed ?? []);
  controller.resyncAll();
  await controller.idle();
  return { store, registry, objects, controller };
}
