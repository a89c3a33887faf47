"use client";

import { useEffect, useId, useRef, useState } from "react";
import { WizardMenu } from "./wizard-menu";

/**
 * An "Actions" button opening the wizards for a service or a workload. Escape or a click outside
 * closes it; the links are ordinary links (keyboard: Tab through them).
 */
export function ActionsMenu({ namespace, service, workload }: { namespace: string; service?: string; workload?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative inline-block">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        Actions ▾
      </button>
      {open && (
        <div id={id} className="absolute right-0 z-20 mt-1 rounded border border-slate-200 bg-white shadow-lg">
          <WizardMenu namespace={namespace} service={service} workload={workload} onNavigate={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
