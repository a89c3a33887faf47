"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseGraphViewState, withGraphViewState, type GraphViewState } from "@/lib/graph-view/view-state";

/**
 * The graph page's view state from the URL, and a setter. Most changes replace the history entry;
 * `push` adds one (focusing a node), so that the browser's Back button returns to the whole graph.
 */
export function useGraphViewState(): [GraphViewState, (change: Partial<GraphViewState>, opts?: { push?: boolean }) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseGraphViewState(params), [params]);
  const set = useCallback(
    (change: Partial<GraphViewState>, opts?: { push?: boolean }) => {
      const next = withGraphViewState(new URLSearchParams(window.location.search), change).toString();
      const url = next ? `${pathname}?${next}` : pathname;
      if (opts?.push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return [state, set];
}
