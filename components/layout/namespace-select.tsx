"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { queries } from "@/lib/queries";
import { useViewState } from "./use-view-state";

/** Multi-select of namespaces, with a filter box; the selection lives in the URL. */
export function NamespaceSelect() {
  const [state, set] = useViewState();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const ref = useRef<HTMLDivElement>(null);
  const { data, error, isPending } = useQuery(queries.namespaces());

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  // The selection shows at once; the URL (the source of truth) follows a render later. A draft is
  // only shown while the URL is still the one it was made from.
  const [draft, setDraft] = useState<{ from: string; namespaces: string[] } | null>(null);
  const urlKey = state.namespaces.join(",");
  const current = draft && draft.from === urlKey ? draft.namespaces : state.namespaces;
  const choose = (namespaces: string[]) => {
    setDraft({ from: urlKey, namespaces });
    set({ namespaces });
  };

  const names = useMemo(() => (data?.namespaces ?? []).map((n) => n.name), [data]);
  const shown = names.filter((n) => n.includes(filter.trim().toLowerCase()));
  const selected = new Set(current);
  const toggle = (name: string) => {
    const next = new Set(selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    choose([...next]);
  };

  const label = current.length === 0 ? "Select namespaces" : current.length <= 2 ? [...current].sort().join(", ") : `${current.length} namespaces`;

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="min-w-48 rounded border border-slate-300 bg-white px-3 py-1 text-left text-sm"
      >
        <span className="text-slate-500">Namespaces: </span>
        {label}
      </button>
      {open && (
        <div role="dialog" aria-label="Namespaces" className="absolute z-20 mt-1 w-72 rounded border border-slate-200 bg-white p-2 shadow-lg">
          <input
            autoFocus
            aria-label="Filter namespaces"
            placeholder="Filter…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="mb-2 w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <div className="mb-2 flex gap-2 text-xs">
            <button type="button" className="text-blue-700 hover:underline" onClick={() => choose([...new Set([...current, ...shown])])}>
              Select all{filter ? " shown" : ""}
            </button>
            <button type="button" className="text-blue-700 hover:underline" onClick={() => choose([])}>
              Clear
            </button>
          </div>
          {isPending && <p className="text-sm text-slate-500">Loading namespaces…</p>}
          {error && <p className="text-sm text-red-700">Namespaces unavailable: {error.message}</p>}
          <ul className="max-h-72 overflow-auto">
            {shown.map((name) => (
              <li key={name}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100">
                  <input type="checkbox" checked={selected.has(name)} onChange={() => toggle(name)} />
                  {name}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
