/**
 * Istio Gateways: which gateway workloads they configure, and on which port and hosts they accept
 * traffic.
 */
import type { KubeObject } from "../../contracts";

export interface CompiledGateway {
  key: string;
  namespace: string;
  selector: Record<string, string>;
  servers: Array<{ port: number; hosts: Array<{ namespace: string; host: string }> }>;
}

/** Compiles a Gateway: its workload selector and servers (`ns/host` restrictions resolved). */
export function compileGateway(gw: KubeObject): CompiledGateway {
  const ns = gw.metadata.namespace ?? "default";
  const spec = (gw.spec ?? {}) as {
    selector?: Record<string, string>;
    servers?: Array<{ port?: { number?: number }; hosts?: string[] }>;
  };
  return {
    key: `${ns}/${gw.metadata.name}`,
    namespace: ns,
    selector: spec.selector ?? {},
    servers: (spec.servers ?? []).flatMap((s) =>
      typeof s.port?.number === "number"
        ? [
            {
              port: s.port.number,
              hosts: (s.hosts ?? []).map((h) => {
                const [a, b] = h.split("/");
                if (b === undefined) return { namespace: "*", host: (a ?? "").toLowerCase() };
                return { namespace: a === "." ? ns : (a ?? "*"), host: b.toLowerCase() };
              }),
            },
          ]
        : [],
    ),
  };
}
