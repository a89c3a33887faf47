/**
 * The wire protocol of the demo API, request by request: discovery, auth, errors, watches, lists,
 * deletes, and shutdown.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryLogSource } from "./memory-logs";
import { startKubeApi, type KubeApi } from "./server";
import { waitFor } from "./test-helpers";
import { testSeed } from "./test-seed";

let api: KubeApi;
let dir: string;
const logs = new MemoryLogSource();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

function call(method: string, urlPath: string, options: { body?: unknown; contentType?: string; accept?: string; token?: string | null } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: options.accept ?? "application/json" };
    const token = options.token === undefined ? api.adminToken : options.token;
    if (token !== null) headers["Authorization"] = `Bearer ${token}`;
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["Content-Type"] = options.contentType ?? "application/json";
      // Node frames DELETE bodies only with an explicit length.
      headers["Content-Length"] = String(Buffer.byteLength(payload));
    }
    const req = httpsRequest(`${api.url}${urlPath}`, { method, headers, ca: api.caPem }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** Opens a streaming GET and collects its lines. */
function stream(urlPath: string, accept = "application/json"): { lines: () => string[]; ended: () => boolean; close: () => void } {
  let buffer = "";
  let ended = false;
  const req = httpsRequest(`${api.url}${urlPath}`, { headers: { Authorization: `Bearer ${api.adminToken}`, Accept: accept }, ca: api.caPem }, (res) => {
    res.on("data", (d: Buffer) => (buffer += d.toString()));
    res.on("end", () => (ended = true));
    res.on("close", () => (ended = true));
  });
  req.on("error", () => (ended = true));
  req.end();
  return { lines: () => buffer.split("\n").filter(Boolean), ended: () => ended, close: () => req.destroy() };
}

const events = (lines: string[]) => lines.map((l) => JSON.parse(l) as { type: string; object: Record<string, unknown> & { metadata?: { name?: string } } });

const configMap = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels }, data: { k: "v" } });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kube-api-http-"));
  api = await startKubeApi({ dataDir: dir, seed: testSeed(), bookmarkIntervalMs: 100, logs });
});

afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("discovery and auth", () => {
  it("lets anonymous clients read /version and /healthz only", async () => {
    expect((await call("GET", "/version", { token: null })).json()["gitVersion"]).toMatch(/^v1\.32\./);
    expect((await call("GET", "/healthz", { token: null })).text).toBe("ok");
    const denied = await call("GET", "/api/v1/namespaces", { token: null });
    expect(denied.status).toBe(401);
    expect(denied.json()).toMatchObject({ kind: "Status", status: "Failure", reason: "Unauthorized", code: 401 });
    expect((await call("GET", "/version", { token: "wrong" })).status).toBe(401);
  });

  it("accepts tokens added through the options or at runtime", async () => {
    api.addUser("viewer-token", "viewer");
    expect((await call("GET", "/api/v1/namespaces", { token: "viewer-token" })).status).toBe(200);
  });

  it("serves legacy and aggregated discovery with short names, categories and subresources", async () => {
    const core = (await call("GET", "/api/v1")).json() as { resources: { name: string; shortNames?: string[]; verbs: string[]; categories?: string[] }[] };
    const pods = core.resources.find((r) => r.name === "pods");
    expect(pods).toMatchObject({ shortNames: ["po"], categories: ["all"], verbs: expect.arrayContaining(["watch", "patch"]) });
    expect(core.resources.find((r) => r.name === "pods/log")?.verbs).toEqual(["get"]);
    const groups = (await call("GET", "/apis")).json() as { groups: { name: string; preferredVersion: { version: string } }[] };
    expect(groups.groups.find((g) => g.name === "networking.istio.io")?.preferredVersion.version).toBe("v1");
    const istio = (await call("GET", "/apis/security.istio.io/v1")).json() as { resources: { name: string; shortNames?: string[] }[] };
    expect(istio.resources.map((r) => `${r.name}:${r.shortNames?.join("") ?? ""}`)).toEqual(
      expect.arrayContaining(["authorizationpolicies:ap", "peerauthentications:pa", "requestauthentications:ra"]),
    );
    const aggregated = await call("GET", "/apis", { accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json" });
    expect(aggregated.headers["content-type"]).toBe("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    const items = aggregated.json()["items"] as { metadata: { name: string }; versions: { version: string; resources: { resource: string; scope: string }[] }[] }[];
    const apps = items.find((i) => i.metadata.name === "apps");
    expect(apps?.versions[0]?.resources.find((r) => r.resource === "deployments")?.scope).toBe("Namespaced");
  });

  it("serves OpenAPI v3 with the fieldValidation parameter on PATCH and the CRD schemas", async () => {
    const index = (await call("GET", "/openapi/v3")).json() as { paths: Record<string, { serverRelativeURL: string }> };
    const url = index.paths["apis/networking.istio.io/v1"]?.serverRelativeURL ?? "";
    expect(url).toMatch(/^\/openapi\/v3\/apis\/networking\.istio\.io\/v1\?hash=[0-9A-F]+$/);
    const doc = (await call("GET", url)).json() as { paths: Record<string, { patch?: { parameters: { name: string }[] } }>; components: { schemas: Record<string, unknown> } };
    const patch = doc.paths["/apis/networking.istio.io/v1/namespaces/{namespace}/virtualservices/{name}"]?.patch;
    expect(patch?.parameters.map((p) => p.name)).toContain("fieldValidation");
    expect(doc.components.schemas["io.istio.networking.v1.VirtualService"]).toMatchObject({ "x-kubernetes-group-version-kind": [{ kind: "VirtualService" }] });
  });

  it("answers unknown paths with a NotFound Status", async () => {
    const r = await call("GET", "/apis/batch/v1/namespaces/x/jobs");
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ kind: "Status", reason: "NotFound", message: "the server could not find the requested resource" });
  });
});

describe("errors", () => {
  it("400 for malformed bodies and mismatched names or namespaces", async () => {
    const malformed = await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ reason: "BadRequest" });
    const badYaml = await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: "a: [", contentType: "application/yaml" });
    expect(badYaml.status).toBe(400);
    const yamlOk = await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-yaml}\n", contentType: "application/yaml" });
    expect(yamlOk.status).toBe(201);
    const wrongNs = await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: { ...configMap("x"), metadata: { name: "x", namespace: "default" } } });
    expect(wrongNs.json()["message"]).toBe("the namespace of the provided object does not match the namespace sent on the request");
    const wrongName = await call("PUT", "/api/v1/namespaces/bookinfo/configmaps/from-yaml", { body: configMap("other") });
    expect(wrongName.json()["message"]).toBe("the name of the object (other) does not match the name on the URL (from-yaml)");
  });

  it("405 for verbs a path does not support, 415 for unknown patch types", async () => {
    expect((await call("POST", "/api/v1/namespaces/bookinfo/configmaps/x", { body: configMap("x") })).status).toBe(405);
    expect((await call("PUT", "/api/v1/namespaces/bookinfo/configmaps", { body: configMap("x") })).status).toBe(405);
    expect((await call("DELETE", "/api/v1/namespaces")).status).toBe(405);
    const r = await call("PATCH", "/api/v1/namespaces/bookinfo/configmaps/from-yaml", { body: "{}", contentType: "text/plain" });
    expect(r.status).toBe(415);
    expect(r.json()["reason"]).toBe("UnsupportedMediaType");
  });

  it("409 AlreadyExists and 404 NotFound with the real details", async () => {
    const dup = await call("POST", "/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices", {
      body: { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "reviews" }, spec: {} },
    });
    expect(dup.status).toBe(409);
    expect(dup.json()).toMatchObject({ reason: "AlreadyExists", details: { name: "reviews", group: "networking.istio.io", kind: "virtualservices" } });
    const missing = await call("GET", "/apis/apps/v1/namespaces/bookinfo/deployments/nope");
    expect(missing.json()).toMatchObject({ code: 404, message: 'deployments.apps "nope" not found', details: { group: "apps", kind: "deployments" } });
  });

  it("survives hostile input", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(api.port, "127.0.0.1", () => socket.end("GARBAGE / HTTP/9\r\n\r\n"));
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    expect((await call("GET", "/api/v1/namespaces/%E0%A4%A/pods")).status).toBe(404);
    expect((await call("GET", "/api/v1/pods?labelSelector=a%20in%20(")).status).toBe(400);
    expect((await call("PATCH", "/api/v1/namespaces/bookinfo/configmaps/from-yaml", { body: "[1]", contentType: "application/merge-patch+json" })).status).toBe(400);
    expect((await call("GET", "/version")).status).toBe(200);
  });
});

describe("lists", () => {
  it("filters by label and field selectors, all namespaces or one", async () => {
    const pods = (await call("GET", "/api/v1/pods?labelSelector=app%3Dreviews,version%20in%20(v1)&fieldSelector=status.phase%3DRunning")).json() as { kind: string; items: Record<string, unknown>[] };
    expect(pods.kind).toBe("PodList");
    expect(pods.items).toHaveLength(2);
    expect(pods.items[0]?.["kind"]).toBeUndefined(); // typed lists carry no kind on items
    const none = (await call("GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dreviews")).json() as { items: unknown[] };
    expect(none.items).toEqual([]);
    const vs = (await call("GET", "/apis/networking.istio.io/v1/virtualservices")).json() as { items: Record<string, unknown>[] };
    expect(vs.items[0]?.["kind"]).toBe("VirtualService"); // custom resource lists do
  });

  it("pages with limit and continue", async () => {
    const first = (await call("GET", "/api/v1/namespaces?limit=2")).json() as { items: { metadata: { name: string } }[]; metadata: { continue: string; remainingItemCount: number } };
    expect(first.items).toHaveLength(2);
    expect(first.metadata.remainingItemCount).toBe(3);
    const rest = (await call("GET", `/api/v1/namespaces?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`)).json() as { items: { metadata: { name: string } }[] };
    expect([...first.items, ...rest.items].map((n) => n.metadata.name)).toEqual(["bookinfo", "default", "kube-node-lease", "kube-public", "kube-system"]);
  });

  it("renders Tables and partial object metadata on request", async () => {
    const table = (await call("GET", "/api/v1/namespaces/bookinfo/pods", { accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" })).json() as { kind: string; rows: { cells: unknown[] }[] };
    expect(table.kind).toBe("Table");
    expect(table.rows[0]?.cells[1]).toBe("2/2");
    const partial = (await call("GET", "/api/v1/namespaces/bookinfo/pods", { accept: "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io" })).json() as { kind: string; items: Record<string, unknown>[] };
    expect(partial.kind).toBe("PartialObjectMetadataList");
    expect(Object.keys(partial.items[0] ?? {}).sort()).toEqual(["apiVersion", "kind", "metadata"]);
  });
});

describe("watches", () => {
  it("stream ADDED for existing objects, then changes; selectors turn label changes into ADDED/DELETED", async () => {
    await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: configMap("w1", { watched: "yes" }) });
    const w = stream("/api/v1/namespaces/bookinfo/configmaps?watch=true&labelSelector=watched%3Dyes");
    try {
      await waitFor(() => w.lines().length === 1, 5_000, "initial ADDED");
      await call("PATCH", "/api/v1/namespaces/bookinfo/configmaps/w1", { body: { data: { k: "2" } }, contentType: "application/merge-patch+json" });
      await call("PATCH", "/api/v1/namespaces/bookinfo/configmaps/w1", { body: { metadata: { labels: { watched: "no" } } }, contentType: "application/merge-patch+json" });
      await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: configMap("w2", { watched: "yes" }) });
      await call("DELETE", "/api/v1/namespaces/bookinfo/configmaps/w2");
      await waitFor(() => w.lines().length === 5, 5_000, "five events");
      expect(events(w.lines()).map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(["ADDED w1", "MODIFIED w1", "DELETED w1", "ADDED w2", "DELETED w2"]);
    } finally {
      w.close();
    }
  });

  it("legacy /watch/ paths and Table watches work (kubectl get -w)", async () => {
    const list = (await call("GET", "/api/v1/namespaces/bookinfo/services")).json() as { metadata: { resourceVersion: string } };
    const legacy = stream(`/api/v1/watch/namespaces/bookinfo/services?resourceVersion=${list.metadata.resourceVersion}`);
    const table = stream(`/api/v1/namespaces/bookinfo/services?watch=1&resourceVersion=${list.metadata.resourceVersion}`, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    try {
      await call("POST", "/api/v1/namespaces/bookinfo/services", { body: { apiVersion: "v1", kind: "Service", metadata: { name: "ratings" }, spec: { selector: { app: "ratings" }, ports: [{ port: 9080 }] } } });
      await call("POST", "/api/v1/namespaces/bookinfo/services", { body: { apiVersion: "v1", kind: "Service", metadata: { name: "details" }, spec: { selector: { app: "details" }, ports: [{ port: 9080 }] } } });
      await waitFor(() => legacy.lines().length === 2 && table.lines().length === 2, 5_000, "events");
      expect(events(legacy.lines()).map((e) => e.object["kind"])).toEqual(["Service", "Service"]);
      const [first, second] = events(table.lines());
      expect(first?.object["kind"]).toBe("Table");
      expect((first?.object["columnDefinitions"] as unknown[]).length).toBeGreaterThan(0);
      expect(second?.object["columnDefinitions"]).toEqual([]);
      expect((second?.object["rows"] as { cells: unknown[] }[])[0]?.cells[0]).toBe("details");
    } finally {
      legacy.close();
      table.close();
    }
  });

  it("end after timeoutSeconds and send bookmarks when allowed", async () => {
    const w = stream("/api/v1/namespaces/bookinfo/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&labelSelector=app%3Dnone");
    await waitFor(() => w.ended(), 5_000, "watch timeout");
    const bookmarks = events(w.lines()).filter((e) => e.type === "BOOKMARK");
    expect(bookmarks.length).toBeGreaterThan(2);
    expect(bookmarks[0]?.object).toMatchObject({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } });
  });

  it("sendInitialEvents ends the initial list with an annotated bookmark", async () => {
    const w = stream("/apis/apps/v1/namespaces/bookinfo/deployments?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");
    try {
      await waitFor(() => events(w.lines()).some((e) => e.type === "BOOKMARK"), 5_000, "initial-events-end");
      const [added, bookmark] = events(w.lines());
      expect(added?.type).toBe("ADDED");
      expect(bookmark?.object).toMatchObject({ metadata: { annotations: { "k8s.io/initial-events-end": "true" } } });
    } finally {
      w.close();
    }
  });
});

describe("writes and logs", () => {
  it("warns about pruned unknown fields when fieldValidation is not Strict", async () => {
    const r = await call("POST", "/apis/networking.istio.io/v1/namespaces/bookinfo/gateways", {
      body: { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: "gw" }, spec: { selector: { istio: "ingressgateway" }, colour: "blue" } },
    });
    expect(r.status).toBe(201);
    expect(r.headers["warning"]).toBe('299 - "unknown field \\"spec.colour\\""');
    expect((r.json()["spec"] as Record<string, unknown>)["colour"]).toBeUndefined();
  });

  it("cuts logs at limitBytes, starts API-created pods, and has no previous logs before a restart", async () => {
    const pod = ((await call("GET", "/api/v1/namespaces/bookinfo/pods")).json()["items"] as { metadata: { name: string } }[])[0]!.metadata.name;
    logs.append("bookinfo", pod, "reviews", "0123456789");
    logs.append("bookinfo", pod, "reviews", "abcdefghij");
    const limited = await call("GET", `/api/v1/namespaces/bookinfo/pods/${pod}/log?container=reviews&limitBytes=14`);
    expect(limited.text).toBe("0123456789\nabc");
    expect(limited.headers["content-type"]).toBe("text/plain");
    const waiting = await call("POST", "/api/v1/namespaces/bookinfo/pods", {
      body: { apiVersion: "v1", kind: "Pod", metadata: { name: "pending" }, spec: { containers: [{ name: "c", image: "x" }] }, status: { phase: "Pending" } },
    });
    expect(waiting.status).toBe(201);
    const started = (await call("GET", "/api/v1/namespaces/bookinfo/pods/pending")).json()["status"] as { phase: string };
    expect(started.phase).toBe("Running"); // the kubelet simulation started it
    expect((await call("GET", `/api/v1/namespaces/bookinfo/pods/${pod}/log?container=istio-proxy&previous=true`)).json()["message"]).toBe(
      `previous terminated container "istio-proxy" in pod "${pod}" not found`,
    );
  });
});

describe("deletes", () => {
  it("dryRun=All deletes nothing; deletecollection deletes what matches", async () => {
    await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: configMap("d1", { tier: "x" }) });
    await call("POST", "/api/v1/namespaces/bookinfo/configmaps", { body: configMap("d2", { tier: "x" }) });
    const dry = await call("DELETE", "/api/v1/namespaces/bookinfo/configmaps/d1?dryRun=All");
    expect(dry.json()).toMatchObject({ kind: "Status", status: "Success", details: { name: "d1", kind: "configmaps" } });
    expect((await call("GET", "/api/v1/namespaces/bookinfo/configmaps/d1")).status).toBe(200);
    const collection = (await call("DELETE", "/api/v1/namespaces/bookinfo/configmaps?labelSelector=tier%3Dx")).json() as { items: { metadata: { name: string } }[] };
    expect(collection.items.map((i) => i.metadata.name)).toEqual(["d1", "d2"]);
    expect((await call("GET", "/api/v1/namespaces/bookinfo/configmaps/d2")).status).toBe(404);
    const badPrecondition = await call("DELETE", "/api/v1/namespaces/bookinfo/configmaps/from-yaml", { body: { preconditions: { uid: "nope" } } });
    expect(badPrecondition.status).toBe(409);
  });
});

describe("shutdown", () => {
  it("close() ends open watches and frees the port at once", async () => {
    const other = await startKubeApi({ dataDir: path.join(dir, "other"), tls: false });
    expect(other.url).toMatch(/^http:\/\//);
    const watches = [0, 1, 2].map(() => {
      let ended = false;
      void fetch(`${other.url}/api/v1/pods?watch=true`, { headers: { Authorization: `Bearer ${other.adminToken}` } })
        .then(async (res) => {
          await res.text().catch(() => undefined);
        })
        .catch(() => undefined)
        .finally(() => (ended = true));
      return () => ended;
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await waitFor(() => watches.every((ended) => ended()), 2_000, "watches ended");
    const again = await startKubeApi({ dataDir: path.join(dir, "again"), tls: false, port: other.port });
    expect(again.port).toBe(other.port);
    await again.close();
  });
});
