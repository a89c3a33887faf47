/**
 * The demo API against the real kubectl binary.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryLogSource } from "./memory-logs";
import { startKubeApi, type KubeApi } from "./server";
import { kubectl, kubectlStream, waitFor } from "./test-helpers";
import { testSeed } from "./test-seed";

let api: KubeApi;
let dir: string;
const logs = new MemoryLogSource();
const k = (...args: string[]) => kubectl(api.kubeconfigPath, args);
const kIn = (input: string, ...args: string[]) => kubectl(api.kubeconfigPath, args, input);

function virtualService(name: string, weights: [number, number]): string {
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: bookinfo
spec:
  hosts: [${name}]
  http:
  - route:
    - destination: {host: ${name}, subset: v1}
      weight: ${weights[0]}
    - destination: {host: ${name}, subset: v2}
      weight: ${weights[1]}
`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kube-api-kubectl-"));
  api = await startKubeApi({ dataDir: dir, seed: testSeed(), logs });
});

afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kubectl against the demo API", () => {
  it("serves HTTPS with the CA in the kubeconfig", () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(api.caPem).toContain("BEGIN CERTIFICATE");
  });

  it("get ns lists seeded and system namespaces as Active", async () => {
    const r = await k("get", "ns");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
    expect(r.stdout).toMatch(/^bookinfo\s+Active\s+\d+s$/m);
    expect(r.stdout).toMatch(/^default\s+Active/m);
  });

  it("get pods -A shows the controller's running pods with both containers ready", async () => {
    const r = await k("get", "pods", "-A");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("bookinfo"));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^bookinfo\s+reviews-v1-[a-z0-9]+-[a-z0-9]{5}\s+2\/2\s+Running\s+0\s+/);
  });

  it("get pods -o wide adds IP and NODE", async () => {
    const r = await k("get", "pods", "-n", "bookinfo", "-o", "wide");
    expect(r.stdout.split("\n")[0]).toMatch(/IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
    expect(r.stdout).toMatch(/10\.244\.\d+\.\d+\s+demo-node/);
  });

  it("get deployments and services print the real columns", async () => {
    const d = await k("get", "deploy", "-n", "bookinfo");
    expect(d.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nreviews-v1\s+2\/2\s+2\s+2\s+/);
    const s = await k("get", "svc", "-n", "bookinfo");
    expect(s.stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nreviews\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+9080\/TCP\s+/);
    const ep = await k("get", "endpoints", "reviews", "-n", "bookinfo");
    expect(ep.stdout).toMatch(/10\.244\.\d+\.\d+:9080,10\.244\.\d+\.\d+:9080/);
  });

  it("get virtualservices -A -o yaml returns the objects", async () => {
    const r = await k("get", "virtualservices", "-A", "-o", "yaml");
    expect(r.code).toBe(0);
    const list = yaml.load(r.stdout) as { kind: string; items: { metadata: { name: string }; spec: { hosts: string[] }; apiVersion: string }[] };
    expect(list.kind).toBe("List");
    const reviews = list.items.find((i) => i.metadata.name === "reviews");
    expect(reviews?.apiVersion).toBe("networking.istio.io/v1");
    expect(reviews?.spec.hosts).toEqual(["reviews"]);
  });

  it("get vs prints the CRD's printer columns and crd lists the Istio CRDs", async () => {
    const vs = await k("get", "vs", "-n", "bookinfo");
    expect(vs.stdout).toMatch(/^NAME\s+GATEWAYS\s+HOSTS\s+AGE\nreviews\s+\["reviews"\]\s+\d+s/);
    const crd = await k("get", "crd");
    expect(crd.stdout).toMatch(/^virtualservices\.networking\.istio\.io\s+\d{4}-\d\d-\d\dT/m);
    expect(crd.stdout).toMatch(/^peerauthentications\.security\.istio\.io/m);
  });

  it("apply -f creates, applies a change and reports unchanged", async () => {
    const created = await kIn(virtualService("ratings", [80, 20]), "apply", "-f", "-");
    expect(created.stderr).toBe("");
    expect(created.stdout.trim()).toBe("virtualservice.networking.istio.io/ratings created");
    const changed = await kIn(virtualService("ratings", [50, 50]), "apply", "-f", "-");
    expect(changed.stdout.trim()).toBe("virtualservice.networking.istio.io/ratings configured");
    const weights = await k("get", "vs", "ratings", "-n", "bookinfo", "-o", "jsonpath={.spec.http[0].route[*].weight} {.metadata.generation}");
    expect(weights.stdout).toBe("50 50 2");
    const again = await kIn(virtualService("ratings", [50, 50]), "apply", "-f", "-");
    expect(again.stdout.trim()).toBe("virtualservice.networking.istio.io/ratings unchanged");
  });

  it("apply -f of a deployment rolls out a new ReplicaSet and scales pods", async () => {
    const manifest = (replicas: number, value: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v1, namespace: bookinfo, labels: {app: ratings}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ratings}}
  template:
    metadata: {labels: {app: ratings}}
    spec:
      containers:
      - name: ratings
        image: docker.io/istio/examples-bookinfo-ratings-v1:1.20.2
        env: [{name: MODE, value: "${value}"}]
`;
    expect((await kIn(manifest(1, "a"), "apply", "-f", "-")).stdout).toContain("created");
    expect((await kIn(manifest(3, "b"), "apply", "-f", "-")).stdout).toContain("configured");
    const status = await k("rollout", "status", "deploy/ratings-v1", "-n", "bookinfo", "--timeout=10s");
    expect(status.stdout).toContain('deployment "ratings-v1" successfully rolled out');
    const pods = await k("get", "pods", "-n", "bookinfo", "-l", "app=ratings", "-o", "jsonpath={range .items[*]}{.spec.containers[0].env[0].value}{\"\\n\"}{end}");
    expect(pods.stdout.trim().split("\n")).toEqual(["b", "b", "b"]);
    const rs = await k("get", "rs", "-n", "bookinfo", "-l", "app=ratings", "--no-headers");
    expect(rs.stdout.trim().split("\n")).toHaveLength(2);
    expect(rs.stdout).toMatch(/ratings-v1-[a-z0-9]+\s+3\s+3\s+3/);
    expect(rs.stdout).toMatch(/ratings-v1-[a-z0-9]+\s+0\s+0\s+0/);
  });

  it("scale goes through the scale subresource", async () => {
    const r = await k("scale", "deploy/reviews-v1", "-n", "bookinfo", "--replicas=3");
    expect(r.stdout.trim()).toBe("deployment.apps/reviews-v1 scaled");
    const pods = await k("get", "pods", "-n", "bookinfo", "-l", "app=reviews", "--no-headers");
    expect(pods.stdout.trim().split("\n")).toHaveLength(3);
    await k("scale", "deploy/reviews-v1", "-n", "bookinfo", "--replicas=2");
  });

  it("delete removes the object", async () => {
    await kIn(virtualService("todelete", [50, 50]), "apply", "-f", "-");
    const r = await k("delete", "vs", "todelete", "-n", "bookinfo");
    expect(r.stdout.trim()).toBe('virtualservice.networking.istio.io "todelete" deleted');
    const get = await k("get", "vs", "todelete", "-n", "bookinfo");
    expect(get.code).toBe(1);
    expect(get.stderr).toContain('virtualservices.networking.istio.io "todelete" not found');
  });

  it("delete namespace takes its contents along", async () => {
    await k("create", "namespace", "scratch");
    await kIn(virtualService("x", [50, 50]).replace("namespace: bookinfo", "namespace: scratch"), "apply", "-f", "-");
    expect((await k("get", "vs", "-n", "scratch", "--no-headers")).stdout).toContain("x");
    const r = await k("delete", "namespace", "scratch");
    expect(r.stdout.trim()).toBe('namespace "scratch" deleted');
    expect((await k("get", "vs", "-n", "scratch")).stderr).toContain("No resources found");
    expect(api.store.list(api.objects.registry.find("", "v1", "serviceaccounts")!, "scratch")).toEqual([]);
  });

  it("get -w prints a line for an object created meanwhile", async () => {
    const watch = kubectlStream(api.kubeconfigPath, ["get", "vs", "-n", "bookinfo", "-w"]);
    try {
      await waitFor(() => watch.output().includes("reviews"), 10_000, "initial list");
      await kIn(virtualService("watched", [10, 90]), "apply", "-f", "-");
      const line = await waitFor(() => watch.output().split("\n").find((l) => l.startsWith("watched")), 10_000, "watch event");
      expect(line).toMatch(/^watched\s+\["watched"\]\s+\d+s$/);
    } finally {
      watch.child.kill();
    }
  });

  it("--dry-run=server validates but stores nothing", async () => {
    const r = await kIn(virtualService("dry", [50, 50]), "apply", "--dry-run=server", "-f", "-");
    expect(r.stdout.trim()).toBe("virtualservice.networking.istio.io/dry created (server dry run)");
    expect((await k("get", "vs", "dry", "-n", "bookinfo")).stderr).toContain("not found");
    const bad = await kIn(virtualService("dry", [50, 50]).replace("weight: 50", 'weight: "half"'), "apply", "--dry-run=server", "-f", "-");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("spec.http[0].route[0].weight");
  });

  it("replace with a stale resourceVersion is a 409 Conflict", async () => {
    const stale = (await k("get", "vs", "reviews", "-n", "bookinfo", "-o", "json")).stdout;
    await k("annotate", "vs", "reviews", "-n", "bookinfo", "touched=yes");
    const r = await kIn(stale, "replace", "-f", "-");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("an invalid VirtualService is rejected with the field in the message", async () => {
    const r = await kIn(virtualService("invalid", [50, 50]).replace("weight: 50", 'weight: "fifty"'), "apply", "-f", "-");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The VirtualService "invalid" is invalid');
    expect(r.stderr).toContain('spec.http[0].route[0].weight: Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer');
  });

  it("unknown fields are rejected (kubectl sends fieldValidation=Strict)", async () => {
    const r = await kIn(virtualService("strict", [50, 50]).replace("  hosts:", "  tcpp: []\n  hosts:"), "apply", "-f", "-");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.tcpp"');
  });

  it("a bad token is 401 Unauthorized", async () => {
    const r = await k("--token", "not-a-token", "get", "pods");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: You must be logged in to the server (Unauthorized)");
  });

  it("auth whoami and can-i answer for the token's user", async () => {
    api.addUser("alice-token", "alice");
    const whoami = await k("--token", "alice-token", "auth", "whoami");
    expect(whoami.stdout).toMatch(/Username\s+alice/);
    expect((await k("auth", "can-i", "patch", "virtualservices", "-n", "bookinfo")).stdout.trim()).toBe("yes");
  });

  it("rollout undo goes back to the previous ReplicaSet", async () => {
    const before = await k("get", "rs", "-n", "bookinfo", "-l", "app=reviews", "-o", "jsonpath={.items[*].metadata.name}");
    await k("set", "image", "deploy/reviews-v1", "reviews=reviews:broken", "-n", "bookinfo");
    expect((await k("rollout", "undo", "deploy/reviews-v1", "-n", "bookinfo")).stdout.trim()).toBe("deployment.apps/reviews-v1 rolled back");
    const rs = await k("get", "rs", "-n", "bookinfo", "-l", "app=reviews", "--no-headers");
    const active = rs.stdout.split("\n").filter((l) => /\s2\s+2\s+2\s/.test(l));
    expect(active).toHaveLength(1);
    expect(before.stdout).toContain(active[0]?.split(/\s+/)[0]);
  });

  it("logs picks the container and follows the source", async () => {
    const pod = (await k("get", "pods", "-n", "bookinfo", "-l", "app=reviews", "-o", "jsonpath={.items[0].metadata.name}")).stdout;
    logs.append("bookinfo", pod, "reviews", "first line");
    logs.append("bookinfo", pod, "reviews", "second line");
    const r = await k("logs", pod, "-n", "bookinfo", "-c", "reviews", "--tail=1");
    expect(r.stdout).toBe("second line\n");
    const bad = await k("logs", pod, "-n", "bookinfo", "-c", "nope");
    expect(bad.stderr).toContain(`container nope is not valid for pod ${pod}`);
    const follow = kubectlStream(api.kubeconfigPath, ["logs", "-f", pod, "-n", "bookinfo", "-c", "reviews"]);
    try {
      await waitFor(() => follow.output().includes("second line"), 10_000, "buffered lines");
      await waitFor(() => logs.followers("bookinfo", pod, "reviews") === 1, 10_000, "follower");
      logs.append("bookinfo", pod, "reviews", "live line");
      await waitFor(() => follow.output().includes("live line"), 10_000, "followed line");
    } finally {
      follow.child.kill();
    }
    await waitFor(() => logs.followers("bookinfo", pod, "reviews") === 0, 10_000, "follower released");
  });

  it("typed create commands (protobuf bodies) work", async () => {
    expect((await k("create", "namespace", "typed")).stdout.trim()).toBe("namespace/typed created");
    expect((await k("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=8080", "-n", "typed")).stdout.trim()).toBe("deployment.apps/web created");
    expect((await k("create", "service", "clusterip", "web", "--tcp=80:8080", "-n", "typed")).stdout.trim()).toBe("service/web created");
    expect((await k("create", "configmap", "cfg", "--from-literal=a=1", "-n", "typed")).stdout.trim()).toBe("configmap/cfg created");
    const ready = await k("rollout", "status", "deploy/web", "-n", "typed", "--timeout=10s");
    expect(ready.stdout).toContain("successfully rolled out");
    const ep = await k("get", "endpoints", "web", "-n", "typed", "-o", "jsonpath={.subsets[0].ports[0].port} {.subsets[0].addresses[*].nodeName}");
    expect(ep.stdout).toBe("8080 demo-node demo-node");
    const image = await k("get", "deploy", "web", "-n", "typed", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].imagePullPolicy}");
    expect(image.stdout).toBe("nginx:1.27 IfNotPresent");
  });

  it("describe pod works (events and all)", async () => {
    const pod = (await k("get", "pods", "-n", "bookinfo", "-l", "app=reviews", "-o", "jsonpath={.items[0].metadata.name}")).stdout;
    const r = await k("describe", "pod", pod, "-n", "bookinfo");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Status:\s+Running/);
    expect(r.stdout).toMatch(/istio-proxy:/);
    expect(r.stdout).toMatch(/Controlled By:\s+ReplicaSet\/reviews-v1-/);
  });
});
