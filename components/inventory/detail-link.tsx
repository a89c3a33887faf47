"use client";

import Link from "next/link";
import { createContext, useContext, type ReactNode } from "react";
import { useViewState } from "@/components/layout/use-view-state";
import { detailHref, KIND_PATH, type InventoryKind } from "./format";

/**
 * The shared view state as a query string (`?namespaces=…`), provided once by a list so that its
 * thousands of row links do not each read and parse the URL.
 */
export const ViewQueryContext = createContext("");

/** A detail link inside a list row (see {@link ViewQueryContext}). */
export function RowLink({ kind, namespace, name }: { kind: InventoryKind; namespace: string; name: string }) {
  const query = useContext(ViewQueryContext);
  return (
    <Link href={`${KIND_PATH[kind]}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}${query}`} className="font-medium text-blue-700 hover:underline">
      {name}
    </Link>
  );
}

/** A link to an object's detail page that keeps the shared view state. */
export function DetailLink({ kind, namespace, name, children, tab }: { kind: InventoryKind; namespace: string; name: string; children?: ReactNode; tab?: string }) {
  const [view] = useViewState();
  return (
    <Link href={detailHref(kind, namespace, name, view, tab ? { tab } : undefined)} className="font-medium text-blue-700 hover:underline">
      {children ?? name}
    </Link>
  );
}
