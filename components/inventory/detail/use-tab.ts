"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** The detail page's tab, kept in the URL (`?tab=traffic`) so that it can be shared and survives reloads. */
export function useTab<T extends string>(tabs: readonly T[], fallback: T): [T, (t: T) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const raw = params.get("tab");
  const tab = (tabs as readonly string[]).includes(raw ?? "") ? (raw as T) : fallback;
  const set = useCallback(
    (t: T) => {
      const next = new URLSearchParams(window.location.search);
      if (t === fallback) next.delete("tab");
      else next.set("tab", t);
      const q = next.toString();
      window.history.replaceState(null, "", q ? `${pathname}?${q}` : pathname);
    },
    [pathname, fallback],
  );
  return [tab, set];
}
