"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseViewState, refreshMs, withViewState, type ViewState } from "@/lib/url-state";

/**
 * The shared view state (namespaces, window, refresh) from the URL, and a setter that writes it back.
 * The setter uses `history.replaceState`, which Next.js folds into `useSearchParams` without a server
 * round trip; it starts from `location.search` so that two changes in one tick both land.
 */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseViewState(params), [params]);
  const set = useCallback(
    (change: Partial<ViewState>) => {
      const next = withViewState(new URLSearchParams(window.location.search), change).toString();
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );
  return [state, set];
}

/** `refetchInterval` for TanStack Query from the URL's refresh picker. */
export function useRefetchInterval(): number | false {
  const [state] = useViewState();
  return refreshMs(state.refresh);
}

/** The current query string restricted to the shared view state, for links between pages. */
export function useViewQuery(): string {
  const [state] = useViewState();
  const q = withViewState(new URLSearchParams(), state).toString();
  return q ? `?${q}` : "";
}
