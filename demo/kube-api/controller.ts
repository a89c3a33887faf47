/**
 * The built-in controllers of the demo cluster, driven by the store's change feed: deployments →
 * replicasets → pods (started by the kubelet simulation), endpoints of services, and namespace
 * defaults. Work is queued and run on the next turn of the event loop, so API writes answer first and
 * the controllers' own writes show up as ordinary watch events.
 */
import type { KubeObject } from "../contracts";
import { controllerOf, type ControllerContext } from "./controller-context";
import { reconcileDeployment } from "./deployment-controller";
import { reconcileEndpoints } from "./endpoints-controller";
import type { StoreEvent } from "./event-log";
import { isStarted, startPod, withReadiness, withRestartedContainer } from "./kubelet";
import { reconcileNamespace } from "./namespace-controller";
import { reconcileReplicaSet } from "./replicaset-controller";

type JobKind = "deployment" | "replicaset" | "pod" | "endpoints" | "namespace";

interface Job {
  kind: JobKind;
  namespace: string;
  name: string;
}

/** Jobs per flush before yielding to the event loop (guards against a reconcile loop starving I/O). */
const MAX_JOBS_PER_FLUSH = 5_000;

/** Runs the controllers. */
export class Controller {
  private readonly queue = new Map<string, Job>();
  private scheduled = false;
  private running = false;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private readonly unsubscribe: () => void;

  constructor(private readonly ctx: ControllerContext) {
    this.unsubscribe = ctx.store.subscribe((e) => this.onChange(e));
  }

  /** Queues the reconciliation of every existing object (after seeding). */
  resyncAll(): void {
    const { store, types } = this.ctx;
    for (const ns of store.list(types.namespaces)) this.enqueue({ kind: "namespace", namespace: "", name: ns.metadata.name });
    for (const d of store.list(types.deployments)) this.enqueue({ kind: "deployment", namespace: d.metadata.namespace ?? "", name: d.metadata.name });
    for (const rs of store.list(types.replicasets)) this.enqueue({ kind: "replicaset", namespace: rs.metadata.namespace ?? "", name: rs.metadata.name });
    for (const p of store.list(types.pods)) if (!isStarted(p)) this.enqueue({ kind: "pod", namespace: p.metadata.namespace ?? "", name: p.metadata.name });
    for (const s of store.list(types.services)) this.enqueue({ kind: "endpoints", namespace: s.metadata.namespace ?? "", name: s.metadata.name });
  }

  /** Resolves once no work is queued. */
  idle(): Promise<void> {
    if (this.queue.size === 0 && !this.scheduled && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops reacting to changes. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.queue.clear();
    this.release();
  }

  /** Marks every container of a pod (or one) ready or not ready; returns the updated pod. */
  setPodReady(namespace: string, name: string, ready: boolean, container?: string): KubeObject {
    const { store, types } = this.ctx;
    return store.update(types.pods, withReadiness(store.require(types.pods, namespace, name), ready, container));
  }

  /** Restarts a container of a pod (restartCount + 1, lastState terminated); returns the updated pod. */
  restartContainer(namespace: string, pod: string, container: string): KubeObject {
    const { store, types } = this.ctx;
    return store.update(types.pods, withRestartedContainer(store.require(types.pods, namespace, pod), container));
  }

  private onChange(e: StoreEvent): void {
    const { types, store } = this.ctx;
    const o = e.object;
    const ns = o.metadata.namespace ?? "";
    const owner = controllerOf(o);
    switch (e.storageKey) {
      case types.deployments.storageKey:
        if (e.type !== "DELETED") this.enqueue({ kind: "deployment", namespace: ns, name: o.metadata.name });
        break;
      case types.replicasets.storageKey:
        if (e.type !== "DELETED") this.enqueue({ kind: "replicaset", namespace: ns, name: o.metadata.name });
        if (owner?.["kind"] === "Deployment") this.enqueue({ kind: "deployment", namespace: ns, name: String(owner["name"]) });
        break;
      case types.pods.storageKey:
        if (e.type !== "DELETED" && !isStarted(o)) this.enqueue({ kind: "pod", namespace: ns, name: o.metadata.name });
        if (owner?.["kind"] === "ReplicaSet") this.enqueue({ kind: "replicaset", namespace: ns, name: String(owner["name"]) });
        for (const svc of store.list(types.services, ns)) this.enqueue({ kind: "endpoints", namespace: ns, name: svc.metadata.name });
        break;
      case types.services.storageKey:
        this.enqueue({ kind: "endpoints", namespace: ns, name: o.metadata.name });
        break;
      case types.namespaces.storageKey:
        if (e.type === "ADDED") this.enqueue({ kind: "namespace", namespace: "", name: o.metadata.name });
        break;
    }
  }

  private enqueue(job: Job): void {
    if (this.stopped) return;
    this.queue.set(`${job.kind}/${job.namespace}/${job.name}`, job);
    if (!this.running && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    this.running = true;
    let done = 0;
    try {
      while (this.queue.size > 0 && done++ < MAX_JOBS_PER_FLUSH) {
        const [key, job] = this.queue.entries().next().value as [string, Job];
        this.queue.delete(key);
        try {
          this.run(job);
        } catch (error) {
          console.error(`kube-api controller: ${job.kind} ${job.namespace}/${job.name} failed`, error);
        }
      }
    } finally {
      this.running = false;
    }
    if (this.queue.size > 0) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    } else this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  private run(job: Job): void {
    const { store, types, ips } = this.ctx;
    switch (job.kind) {
      case "deployment":
        return reconcileDeployment(this.ctx, job.namespace, job.name);
      case "replicaset":
        return reconcileReplicaSet(this.ctx, job.namespace, job.name);
      case "endpoints":
        return reconcileEndpoints(this.ctx, job.namespace, job.name);
      case "namespace":
        return reconcileNamespace(this.ctx, job.name);
      case "pod": {
        const pod = store.get(types.pods, job.namespace, job.name);
        if (pod && !isStarted(pod) && !pod.metadata.deletionTimestamp) store.update(types.pods, startPod(pod, ips));
        return;
      }
    }
  }
}
