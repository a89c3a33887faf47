"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, type ReactNode } from "react";
import { queries } from "@/lib/queries";
import { QueryState } from "@/components/ui/query-state";
import { useLogStream } from "./use-log-stream";

/** A line with the filter's matches marked. */
function highlight(line: string, filter: string): ReactNode {
  const f = filter.trim().toLowerCase();
  if (!f) return line;
  const out: ReactNode[] = [];
  const lower = line.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(f); i >= 0; i = lower.indexOf(f, i + f.length)) {
    out.push(line.slice(at, i), <mark key={i}>{line.slice(i, i + f.length)}</mark>);
    at = i + f.length;
  }
  out.push(line.slice(at));
  return out;
}

function Lines({ lines, filter }: { lines: readonly string[]; filter: string }) {
  const box = useRef<HTMLPreElement>(null);
  const seen = useRef(false);
  // Show the newest lines: at first, then as lines come, unless the reader scrolled up.
  useEffect(() => {
    const el = box.current;
    if (!el || lines.length === 0) return;
    if (!seen.current || el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
    seen.current = true;
  }, [lines]);
  return (
    <pre ref={box} data-testid="log-lines" data-lines={lines.length} className="h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-950 p-2 font-mono text-[11px] leading-4 text-slate-100">
      {lines.length === 0 ? <span className="text-slate-500">No lines{filter ? " match the filter" : ""}.</span> : lines.map((l, i) => <div key={i}>{highlight(l, filter)}</div>)}
    </pre>
  );
}

/** One container's log: the last lines (refetched with the page), or followed live. */
export function LogView({
  title,
  namespace,
  pod,
  container,
  tailLines,
  filter,
  follow,
  timestamps,
  refetchInterval,
}: {
  title: string;
  namespace: string;
  pod: string;
  container: string;
  tailLines: number;
  filter: string;
  follow: boolean;
  timestamps: boolean;
  refetchInterval: number | false;
}) {
  const p = { namespace, pod, container, tailLines, filter, timestamps };
  const once = useQuery({ ...queries.logs(p), enabled: !follow && Boolean(pod && container), refetchInterval });
  const stream = useLogStream(p, follow);
  return (
    <section aria-label={title} className="space-y-1" data-testid="log-view" data-container={container}>
      <h3 className="flex items-center gap-2 text-xs font-semibold text-slate-700">
        {title}
        <span className="font-normal text-slate-500">
          {follow
            ? stream.status === "streaming"
              ? `following · ${stream.lines.length} lines`
              : stream.status
            : once.data
              ? `${once.data.lines.length} of the last ${once.data.total} lines`
              : ""}
        </span>
      </h3>
      {follow ? (
        <Lines lines={stream.lines} filter={filter} />
      ) : (
        <QueryState isPending={once.isPending} error={once.error}>
          <Lines lines={once.data?.lines ?? []} filter={filter} />
        </QueryState>
      )}
    </section>
  );
}
