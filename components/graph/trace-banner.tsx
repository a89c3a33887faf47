"use client";

import Link from "next/link";
import { describeEndpoint, type MissingHop, type TracePath } from "@/lib/tracing/graph-match";
import { shortTraceId } from "@/lib/tracing/format";
import type { Trace } from "@/lib/tracing/model";

const REASON: Record<MissingHop["reason"], string> = {
  source: "caller not in this graph",
  destination: "callee not in this graph",
  edge: "no such traffic in this window",
};

export interface TraceBannerProps {
  traceId: string;
  trace?: Trace;
  path: TracePath | null;
  /** How many distinct hops the trace made. */
  hopCount: number;
  error: Error | null;
  loading: boolean;
  /** Where the trace view is (keeping the shared view state). */
  traceHref: string;
  onDismiss: () => void;
}

/** Says whose path the graph highlights, links back to the trace, and lists the hops it cannot show. */
export function TraceBanner({ traceId, trace, path, hopCount, error, loading, traceHref, onDismiss }: TraceBannerProps) {
  const missing = path?.missing ?? [];
  return (
    <section aria-label="Trace path" data-testid="trace-banner" className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <div className="flex flex-wrap items-center gap-3">
        {trace ? (
          <span>
            Showing the path of trace{" "}
            <span className="font-mono" title={traceId}>
              {shortTraceId(traceId)}
            </span>{" "}
            ({trace.spans.length} spans){path && ` · ${path.nodes.size} nodes, ${path.edges.size} edges highlighted`}
          </span>
        ) : error ? (
          <span role="alert">
            Trace <span className="font-mono">{shortTraceId(traceId)}</span> could not be loaded: {error.message}
          </span>
        ) : (
          <span>{loading ? "Loading" : "Waiting for"} trace <span className="font-mono">{shortTraceId(traceId)}</span>…</span>
        )}
        <Link href={traceHref} className="text-blue-700 hover:underline">
          Open the trace
        </Link>
        <button type="button" onClick={onDismiss} className="ml-auto text-amber-900 hover:underline">
          Stop showing the trace
        </button>
      </div>
      {missing.length > 0 && (
        <div>
          <p>
            {missing.length} of the trace&apos;s {hopCount} hops {missing.length === 1 ? "is" : "are"} not in this graph:
          </p>
          <ul className="ml-4 list-disc" data-testid="trace-missing">
            {missing.map((m, i) => (
              <li key={i}>
                {describeEndpoint(m.hop.source)} → {describeEndpoint(m.hop.destination)}: {REASON[m.reason]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
