"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseListView, withListView, type ListViewState } from "@/lib/istio-config/list-view";

/**
 * The Istio config list's filters and sort from the URL, and a setter that writes them back with
 * `history.replaceState` (like `useViewState`), so a filtered list can be shared or reloaded.
 */
export function useListView(): [ListViewState, (change: Partial<ListViewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseListView(params), [params]);
  const set = useCallback(
    (change: Partial<ListViewState>) => {
      const next = withListView(new URLSearchParams(window.location.search), change).toString();
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );
  return [state, set];
}
