/**
 * The snapshot indexed once for all rules: parsed objects of every kind, namespaces, service
 * accounts, workloads and the host registry (Services and ServiceEntry hosts).
 */
import { type Config, type ConfigLists, parseConfig, sameRef } from "./config";
import { type MeshConfigInput, type ResolvedOptions, resolveOptions } from "./input";
import type { ConfigKind, ObjectRef } from "./types";
import { collectWorkloads, hasLabels, type Workload, workloadsMatching } from "./workloads";

/** A name in the service registry: a Service's FQDN or a ServiceEntry host (possibly a wildcard). */
export interface RegistryHost {
  host: string;
  /** Namespace of the Service or ServiceEntry. */
  namespace: string;
  source: ObjectRef;
}

/** What rules read: the snapshot, parsed and indexed. */
export interface Context {
  input: MeshConfigInput;
  options: ResolvedOptions;
  config: ConfigLists;
  /** Namespace names with their labels. */
  namespaces: Map<string, Record<string, string>>;
  /** Service account names by namespace. */
  serviceAccounts: Map<string, Set<string>>;
  workloads: Workload[];
  /** The same workloads by namespace. */
  workloadsByNamespace: Map<string, Workload[]>;
  hosts: RegistryHost[];
  /** Computes a value shared by several rules once per context. */
  memo<T>(key: string, compute: () => T): T;
}

const INPUT_LISTS = {
  VirtualService: "virtualServices",
  DestinationRule: "destinationRules",
  Gateway: "gateways",
  ServiceEntry: "serviceEntries",
  Sidecar: "sidecars",
  PeerAuthentication: "peerAuthentications",
  AuthorizationPolicy: "authorizationPolicies",
  RequestAuthentication: "requestAuthentications",
  Service: "services",
} as const satisfies Record<ConfigKind, keyof MeshConfigInput>;

function parseAll<K extends ConfigKind>(kind: K, input: MeshConfigInput): Config<K>[] {
  const raw: readonly unknown[] = input[INPUT_LISTS[kind]] ?? [];
  return raw.map((o) => parseConfig(kind, o));
}

function parseLists(input: MeshConfigInput): ConfigLists {
  return {
    VirtualService: parseAll("VirtualService", input),
    DestinationRule: parseAll("DestinationRule", input),
    Gateway: parseAll("Gateway", input),
    ServiceEntry: parseAll("ServiceEntry", input),
    Sidecar: parseAll("Sidecar", input),
    PeerAuthentication: parseAll("PeerAuthentication", input),
    AuthorizationPolicy: parseAll("AuthorizationPolicy", input),
    RequestAuthentication: parseAll("RequestAuthentication", input),
    Service: parseAll("Service", input),
  };
}

/** `list` with `obj` in place of `replaces` and of any object with its own reference (a new array). */
function substituted<K extends ConfigKind>(list: readonly Config<K>[], obj: Config<K>, replaces?: ObjectRef): Config<K>[] {
  const kept = list.filter((o) => !sameRef(o.ref, obj.ref) && !(replaces && sameRef(o.ref, replaces)));
  kept.push(obj);
  return kept;
}

/** Every name of the registry: Services' FQDNs, then ServiceEntry hosts. */
function registryHosts(config: ConfigLists, options: ResolvedOptions): RegistryHost[] {
  const hosts: RegistryHost[] = [];
  for (const s of config.Service) {
    hosts.push({ host: `${s.ref.name}.${s.ref.namespace}.svc.${options.clusterDomain}`, namespace: s.ref.namespace, source: s.ref });
  }
  for (const se of config.ServiceEntry) {
    for (const h of se.spec.hosts ?? []) {
      const host = h.trim().toLowerCase();
      if (host) hosts.push({ host, namespace: se.ref.namespace, source: se.ref });
    }
  }
  return hosts;
}

/** A fresh per-context cache for {@link Context.memo}. */
function memoCache(): Context["memo"] {
  const cache = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
}

/** Parses and indexes the whole snapshot: the costly part (every object zod-parsed), done once per snapshot. */
export function buildContext(input: MeshConfigInput): Context {
  const options = resolveOptions(input.options);
  const config = parseLists(input);

  const namespaces = new Map<string, Record<string, string>>();
  for (const n of input.namespaces ?? []) if (n.metadata?.name) namespaces.set(n.metadata.name, n.metadata.labels ?? {});

  const serviceAccounts = new Map<string, Set<string>>();
  for (const sa of input.serviceAccounts ?? []) {
    const ns = sa.metadata?.namespace ?? "";
    const set = serviceAccounts.get(ns) ?? new Set<string>();
    if (sa.metadata?.name) set.add(sa.metadata.name);
    serviceAccounts.set(ns, set);
  }

  const workloads = collectWorkloads(input.pods, input.deployments, input.workloads);
  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const w of workloads) {
    const list = workloadsByNamespace.get(w.namespace);
    if (list) list.push(w);
    else workloadsByNamespace.set(w.namespace, [w]);
  }

  return { input, options, config, namespaces, serviceAccounts, workloads, workloadsByNamespace, hosts: registryHosts(config, options), memo: memoCache() };
}

/**
 * The context as if `object` were applied (replacing its older version, or the object `replaces`
 * when it was renamed), derived from a built one without parsing the snapshot again: only the
 * object's kind list is copied, the registry is rebuilt when the object is a Service or ServiceEntry,
 * and memoized values start afresh (they may depend on the substituted list). `base` is not changed.
 */
export function withObject(base: Context, object: Config, replaces?: ObjectRef): Context {
  const kind = object.ref.kind;
  // The cast: TypeScript cannot tie the key to its list's element type through a computed key.
  const config = { ...base.config, [kind]: substituted(base.config[kind] as Config[], object, replaces) } as ConfigLists;
  const hosts = kind === "Service" || kind === "ServiceEntry" ? registryHosts(config, base.options) : base.hosts;
  return { ...base, config, hosts, memo: memoCache() };
}

/** Workloads matching every label of `selector`, in `namespace` or, when it is undefined, anywhere. */
export function selectWorkloads(ctx: Context, selector: Record<string, string>, namespace?: string): Workload[] {
  return namespace === undefined ? workloadsMatching(ctx.workloads, selector) : workloadsMatching(ctx.workloadsByNamespace.get(namespace) ?? [], selector);
}

/** The workloads behind a Service (its selector matched in its namespace); none for a selector-less Service. */
export function serviceWorkloads(ctx: Context, svc: Config<"Service">): Workload[] {
  const all = ctx.memo("service-workloads", () => new Map<Config<"Service">, Workload[]>());
  let found = all.get(svc);
  if (!found) {
    const selector = svc.spec.selector;
    found = hasLabels(selector) ? selectWorkloads(ctx, selector, svc.ref.namespace) : [];
    all.set(svc, found);
  }
  return found;
}

/** The Service with this FQDN, if any. */
export function serviceByHost(ctx: Context, fqdn: string): Config<"Service"> | undefined {
  const suffix = `.svc.${ctx.options.clusterDomain}`;
  const byHost = ctx.memo("services-by-host", () => new Map(ctx.config.Service.map((s) => [`${s.ref.name}.${s.ref.namespace}${suffix}`, s])));
  return byHost.get(fqdn);
}
