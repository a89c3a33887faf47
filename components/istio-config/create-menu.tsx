"use client";

import Link from "next/link";
import { ISTIO_KEYS, kindOfKey } from "@/lib/istio-config/kinds";
import { useViewQuery } from "@/components/layout/use-view-state";

/** "Create" with a template per kind, into the new-object editor for `namespace` (keeping the view state). */
export function CreateMenu({ namespace }: { namespace: string }) {
  const view = useViewQuery().replace(/^\?/, "&");
  return (
    <details className="relative" data-testid="create-menu">
      <summary className="cursor-pointer list-none rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800">Create ▾</summary>
      <ul className="absolute right-0 z-20 mt-1 w-64 rounded border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {ISTIO_KEYS.map((k) => (
          <li key={k}>
            <Link href={`/istio-config/new?kind=${k}&namespace=${encodeURIComponent(namespace)}${view}`} className="block px-3 py-1 hover:bg-slate-100">
              {kindOfKey(k)} <span className="text-xs text-slate-500">in {namespace}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
