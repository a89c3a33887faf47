"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readTraceSearchForm, writeTraceSearchForm, type TraceSearchForm } from "@/lib/tracing/search-params";

/**
 * The traces page's search (service, operation, tags, min/max duration, limit) from the URL, and a
 * setter that writes it back next to the shell's state, like `useViewState` does.
 */
export function useTraceSearch(): [TraceSearchForm, (form: TraceSearchForm) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const form = useMemo(() => readTraceSearchForm(params), [params]);
  const set = useCallback(
    (next: TraceSearchForm) => {
      const q = writeTraceSearchForm(new URLSearchParams(window.location.search), next).toString();
      window.history.replaceState(null, "", q ? `${pathname}?${q}` : pathname);
    },
    [pathname],
  );
  return [form, set];
}
