"use client";

import Link from "next/link";
import { useViewQuery } from "@/components/layout/use-view-state";
import { TraceResults } from "./trace-results";

/**
 * The traces tab of an app, workload or service page: the traces of one Jaeger service (Istio names
 * them `<app>.<namespace>`, e.g. `reviews.bookinfo`) over the shell's window, with a link to the full
 * search. Must be rendered inside a Suspense boundary (it reads the URL).
 */
export function TracesPanel({ service, limit = 20 }: { service: string; limit?: number }) {
  const viewQuery = useViewQuery();
  const search = new URLSearchParams(viewQuery.slice(1));
  search.set("service", service);
  return (
    <section aria-label={`Traces of ${service}`} className="space-y-3">
      <div className="flex items-center text-sm">
        <h2 className="font-medium">Traces of {service}</h2>
        <Link href={`/traces?${search.toString()}`} className="ml-auto text-blue-700 hover:underline">
          Search all traces…
        </Link>
      </div>
      <TraceResults search={{ service, limit: String(limit) }} />
    </section>
  );
}
