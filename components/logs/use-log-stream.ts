"use client";

import { useEffect, useState } from "react";

/** Lines kept while following, at most: older ones scroll away. */
export const MAX_FOLLOW_LINES = 5_000;

export interface LogStreamState {
  lines: string[];
  status: "connecting" | "streaming" | "ended" | "error";
}

const FRESH: LogStreamState = { lines: [], status: "connecting" };

/**
 * Follows a container's log through `GET /api/logs?follow=true` (server-sent events of line batches)
 * while `enabled`; reconnects are left to EventSource, which resumes after a dropped connection. A new
 * pod, container, tail or filter starts a new stream with no lines.
 */
export function useLogStream(p: { namespace: string; pod: string; container: string; tailLines: number; filter: string; timestamps: boolean }, enabled: boolean): LogStreamState {
  const { namespace, pod, container, tailLines, filter, timestamps } = p;
  const id = JSON.stringify([namespace, pod, container, tailLines, filter, timestamps, enabled]);
  const [state, setState] = useState<LogStreamState & { id: string }>({ ...FRESH, id });
  useEffect(() => {
    if (!enabled || !pod || !container) return;
    const qs = new URLSearchParams({ namespace, pod, container, tailLines: String(tailLines), follow: "true", timestamps: String(timestamps) });
    if (filter) qs.set("filter", filter);
    const source = new EventSource(`/api/logs?${qs}`);
    // Updates from a previous stream (another id) start from nothing.
    const update = (f: (s: LogStreamState) => LogStreamState) => setState((s) => ({ ...f(s.id === id ? s : FRESH), id }));
    source.addEventListener("open", () => update((s) => ({ ...s, status: "streaming" })));
    source.addEventListener("lines", (e) => {
      const batch = JSON.parse((e as MessageEvent<string>).data) as string[];
      update((s) => {
        const lines = s.lines.concat(batch);
        return { lines: lines.length > MAX_FOLLOW_LINES ? lines.slice(-MAX_FOLLOW_LINES) : lines, status: "streaming" };
      });
    });
    source.addEventListener("end", () => {
      update((s) => ({ ...s, status: "ended" }));
      source.close();
    });
    source.onerror = () => update((s) => ({ ...s, status: source.readyState === EventSource.CLOSED ? "error" : "connecting" }));
    return () => source.close();
  }, [id, enabled, namespace, pod, container, tailLines, filter, timestamps]);
  return state.id === id ? state : FRESH;
}
