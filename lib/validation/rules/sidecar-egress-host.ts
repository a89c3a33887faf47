/**
 * SC001: a Sidecar egress host (`namespace/dnsName`) naming a namespace that does not exist, or a
 * name no Service or ServiceEntry of that namespace answers for. The sidecar never learns the
 * service, so the workload cannot reach it (or reaches it as unknown traffic). `*` stands for any
 * namespace, `.` for the Sidecar's own, `~` for none (not checked); a dnsName of `*` is not checked.
 * Egress names are not completed: `reviews` is not `reviews.<ns>.svc.cluster.local`.
 */
import { hostsIntersect } from "../hosts";
import { isKnown } from "../input";
import { defineRule } from "../rule";

export const sidecarEgressHost = defineRule({
  code: "SC001",
  kind: "Sidecar",
  needs: ["services", "serviceEntries"],
  check(sc, ctx, report) {
    (sc.spec.egress ?? []).forEach((egress, i) =>
      (egress.hosts ?? []).forEach((raw, j) => {
        const value = raw.trim().toLowerCase();
        const slash = value.indexOf("/");
        if (slash < 0) return;
        const nsPart = value.slice(0, slash);
        const dns = value.slice(slash + 1);
        if (nsPart === "~" || dns === "") return;
        const ns = nsPart === "." ? sc.ref.namespace : nsPart;
        const path = ["spec", "egress", i, "hosts", j];
        if (ns !== "*" && isKnown(ctx.input, "namespaces") && !ctx.namespaces.has(ns)) {
          report(path, `Namespace ${ns} does not exist`);
          return;
        }
        if (dns === "*") return;
        const found = ctx.hosts.some((h) => (ns === "*" || h.namespace === ns) && hostsIntersect(dns, h.host));
        if (found) return;
        const where = ns === "*" ? "in any namespace" : `in namespace ${ns}`;
        const hint = dns.includes(".") ? "" : ` (egress hosts are not completed: write ${dns}.${ns === "*" ? "<namespace>" : ns}.svc.${ctx.options.clusterDomain})`;
        report(path, `No Service or ServiceEntry ${where} for host ${dns}${hint}`);
      }),
    );
  },
});
