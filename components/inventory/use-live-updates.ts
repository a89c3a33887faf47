"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { INVENTORY_QUERY_KEYS } from "@/lib/queries";

/** Least time between two refetches caused by events: a rollout changes many pods in a few seconds. */
const MIN_GAP_MS = 2_000;

export type LiveState = "connecting" | "live" | "offline";

/**
 * Keeps the page's cluster data current: listens to `/api/events` for the namespaces shown (all when
 * empty) and, when something changes there, invalidates the inventory queries (lists, overview, detail
 * pages), which TanStack Query refetches if they are on screen. Metrics and logs are left alone.
 */
export function useLiveUpdates(namespaces: readonly string[]): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const key = namespaces.join(",");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/events${key ? `?namespaces=${encodeURIComponent(key)}` : ""}`);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      last = Date.now();
      timer = undefined;
      // A fetch under way is left to finish (no cancelRefetch): on a busy cluster a slow overview would
      // otherwise be cancelled by every change and never arrive.
      void client.invalidateQueries({ predicate: (q) => (INVENTORY_QUERY_KEYS as readonly unknown[]).includes(q.queryKey[0]) }, { cancelRefetch: false });
    };
    source.addEventListener("ready", () => setState("live"));
    source.addEventListener("change", () => {
      if (timer) return;
      timer = setTimeout(refetch, Math.max(0, last + MIN_GAP_MS - Date.now()));
    });
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client, key]);
  return state;
}

/** A small "live" indicator for page headers. */
export function liveLabel(state: LiveState): string {
  return state === "live" ? "Live: updates as the cluster changes" : state === "connecting" ? "Connecting to cluster events…" : "Cluster events unavailable: refreshing on the interval only";
}
