"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "@/lib/queries";

/**
 * A banner on every page naming each upstream that does not answer (and the URL tried), so that a
 * Prometheus or Jaeger outage is explained while the rest of the page keeps working.
 */
export function UpstreamBanner() {
  const { data, error } = useQuery({ ...queries.readyz(), refetchInterval: 15_000 });
  if (error) {
    return (
      <div role="alert" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-800">
        The Meshscope server does not answer: {error.message}
      </div>
    );
  }
  const down = data?.upstreams.filter((u) => !u.ok) ?? [];
  if (down.length === 0) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      {down.map((u) => (
        <p key={u.name}>
          <strong className="capitalize">{u.name}</strong> unavailable{u.url ? ` at ${u.url}` : ""}: {u.error}
        </p>
      ))}
    </div>
  );
}
