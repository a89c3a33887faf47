"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "@/lib/queries";
import { StatusDot } from "@/components/ui/status-dot";

/** One card per upstream: the URL in use, and whether it answers (with its version) or why not. */
export function UpstreamCards() {
  const { data, error } = useQuery({ ...queries.readyz(), refetchInterval: 10_000 });
  if (error) return <p className="text-sm text-red-700">Readiness unavailable: {error.message}</p>;
  return (
    <section aria-label="Upstreams" className="grid gap-3 sm:grid-cols-3">
      {(data?.upstreams ?? []).map((u) => (
        <div key={u.name} data-testid={`upstream-${u.name}`} className="rounded border border-slate-200 bg-white p-3">
          <div className="flex items-center gap-2 font-medium capitalize">
            <StatusDot tone={u.ok ? "ok" : "error"} label={u.ok ? "ready" : "unavailable"} />
            {u.name}
            <span className="ml-auto text-xs font-normal text-slate-500">{u.ok ? "Ready" : "Unavailable"}</span>
          </div>
          <p className="mt-1 truncate text-xs text-slate-500" title={u.url ?? undefined}>
            {u.url ?? "not configured"}
          </p>
          <p className={`mt-1 text-sm ${u.ok ? "text-slate-700" : "text-red-700"}`}>{u.ok ? u.detail : u.error}</p>
        </div>
      ))}
    </section>
  );
}
