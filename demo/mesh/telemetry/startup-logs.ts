/**
 * The first lines of a pod's containers when it appears: Istio's init container, the proxy's
 * start-up and the application announcing its port.
 */
import type { KubeObject, LogLine } from "../../contracts";

interface PodShape {
  initContainers?: Array<{ name?: string }>;
  containers?: Array<{ name?: string; ports?: Array<{ containerPort?: number }>; args?: string[] }>;
}

const istioTime = (d: Date): string => `${d.toISOString().slice(0, -1)}000Z`;

/** Start-up lines per container name for one new pod. */
export function startupLines(pod: KubeObject, at: Date): Map<string, LogLine[]> {
  const spec = (pod.spec ?? {}) as PodShape;
  const out = new Map<string, LogLine[]>();
  const line = (text: string): LogLine => ({ time: at, text });
  for (const c of spec.initContainers ?? []) {
    if (c.name === "istio-init") {
      out.set(c.name, [
        line(`${istioTime(at)}\tinfo\tIstio iptables environment:`),
        line(`${istioTime(at)}\tinfo\tIstio iptables variables: PROXY_PORT=15001 INBOUND_CAPTURE_PORT=15006 PROXY_UID=1337`),
        line(`${istioTime(at)}\tinfo\tRunning iptables-restore with the following input: * nat -N ISTIO_INBOUND -N ISTIO_REDIRECT … COMMIT`),
      ]);
    }
  }
  for (const c of spec.containers ?? []) {
    if (!c.name) continue;
    if (c.name === "istio-proxy") {
      const router = c.args?.includes("router");
      out.set(c.name, [
        line(`${istioTime(at)}\tinfo\tFLAG: --concurrency="2"`),
        line(`${istioTime(at)}\tinfo\tVersion 1.24.2-2a1bdb16c4ec0a72ddb2a1b0b27b9fd2a2ea3ae1-Clean`),
        line(`${istioTime(at)}\tinfo\tProxy role\tips=[] type=${router ? "router" : "sidecar"} id=${pod.metadata.name}.${pod.metadata.namespace ?? "default"}`),
        line(`${istioTime(at)}\tinfo\txdsproxy\tconnected to delta upstream XDS server: istiod.istio-system.svc:15012`),
        line(`${istioTime(at)}\tinfo\tReadiness succeeded in 612.4ms`),
        line(`${istioTime(at)}\tinfo\tEnvoy proxy is ready`),
      ]);
      continue;
    }
    const port = c.ports?.[0]?.containerPort;
    out.set(c.name, [line(`${at.toISOString()} INFO  ${c.name} starting${port ? `, listening on :${port}` : ""}`)]);
  }
  return out;
}
