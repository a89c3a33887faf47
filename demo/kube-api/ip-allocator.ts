/**
 * Address allocation of the demo cluster: pod IPs from 10.244.0.0/16, service cluster IPs from
 * 10.96.0.0/16 (10.96.0.1 is the `kubernetes` service) and node ports from 30000-32767.
 */

/** Hands out addresses that are not in use. */
export class IpAllocator {
  private nextPod = 10;
  private readonly usedClusterIps = new Set<string>(["10.96.0.1", "10.96.0.10"]);
  private readonly usedNodePorts = new Set<number>();

  /** The next pod IP. */
  podIp(): string {
    const n = this.nextPod++;
    return `10.244.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;
  }

  /** A free cluster IP, chosen pseudo-randomly from a seed so the same service tends to get the same IP. */
  clusterIp(seed: string): string {
    let h = 2166136261;
    for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    for (let attempt = 0; attempt < 65_000; attempt++) {
      const n = (h + attempt * 7919) % 65_000;
      const ip = `10.96.${Math.floor(n / 254)}.${(n % 254) + 1}`;
      if (!this.usedClusterIps.has(ip)) {
        this.usedClusterIps.add(ip);
        return ip;
      }
    }
    throw new Error("service cluster IP range exhausted");
  }

  /** Marks a cluster IP as taken (for services created with an explicit clusterIP). */
  reserveClusterIp(ip: string): void {
    this.usedClusterIps.add(ip);
  }

  /** A free node port. */
  nodePort(): number {
    for (let p = 30000 + Math.floor(Math.random() * 2768), i = 0; i < 2768; i++, p = p >= 32767 ? 30000 : p + 1) {
      if (!this.usedNodePorts.has(p)) {
        this.usedNodePorts.add(p);
        return p;
      }
    }
    throw new Error("node port range exhausted");
  }
}
