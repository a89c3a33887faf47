"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useViewQuery } from "./use-view-state";

const ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/graph", label: "Graph" },
  { href: "/applications", label: "Applications" },
  { href: "/workloads", label: "Workloads" },
  { href: "/services", label: "Services" },
  { href: "/istio-config", label: "Istio Config" },
  { href: "/traces", label: "Traces" },
] as const;

/** The main navigation; links keep the shared view state (namespaces, window, refresh). */
export function Nav() {
  const pathname = usePathname();
  const query = useViewQuery();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1 p-3">
      {ITEMS.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={`${item.href}${query}`}
            aria-current={active ? "page" : undefined}
            className={`rounded px-3 py-2 text-sm ${active ? "bg-slate-700 font-medium text-white" : "text-slate-300 hover:bg-slate-800"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
