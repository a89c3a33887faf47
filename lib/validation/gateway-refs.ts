/**
 * How a VirtualService names gateways (`spec.gateways`, `match[].gateways`), resolved as istiod does
 * (`resolveGatewayName` in istio/istio pilot/pkg/model/virtualservice.go):
 * - `mesh`: the sidecars of the mesh, not a Gateway object;
 * - `ns/name`, and `./name` for the VirtualService's own namespace;
 * - `name`: a Gateway in the VirtualService's namespace;
 * - legacy `name.ns` or `name.ns.svc.cluster.local`: Gateway `name` in namespace `ns`.
 */

/** The reserved gateway name for the mesh's sidecars. */
export const MESH_GATEWAY = "mesh";

/** A gateway reference as `namespace/name`, or `mesh`; `undefined` when it is empty. */
export function resolveGatewayRef(ref: string, vsNamespace: string): string | undefined {
  const r = ref.trim();
  if (r === "") return undefined;
  if (r === MESH_GATEWAY) return MESH_GATEWAY;
  const slash = r.indexOf("/");
  if (slash >= 0) {
    const ns = r.slice(0, slash);
    return `${ns === "." ? vsNamespace : ns}/${r.slice(slash + 1)}`;
  }
  const parts = r.split(".");
  if (parts.length >= 2) return `${parts[1]}/${parts[0]}`;
  return `${vsNamespace}/${r}`;
}

/** The gateways a VirtualService applies to, resolved: its `gateways`, or `mesh` when it names none. */
export function boundGateways(gateways: readonly string[] | undefined, vsNamespace: string): string[] {
  const out = (gateways ?? []).map((g) => resolveGatewayRef(g, vsNamespace)).filter((g): g is string => g !== undefined);
  return out.length > 0 ? [...new Set(out)] : [MESH_GATEWAY];
}
