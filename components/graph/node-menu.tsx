"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { WizardMenu } from "@/components/wizards/wizard-menu";
import type { NodeWizardTarget } from "@/lib/graph-view/wizard-target";

/** Where a context menu opens: a point in the graph area's own coordinates. */
export interface MenuPoint {
  x: number;
  y: number;
}

export interface NodeMenuProps {
  title: string;
  target: NodeWizardTarget;
  at: MenuPoint;
  onClose: (returnFocus: boolean) => void;
}

const MARGIN = 8;

/**
 * The graph's context menu for a node: its traffic wizards, opened by a right-click (or Shift+F10 on
 * the selected node) at that point. Focus moves to the first entry; arrow keys move between entries,
 * Escape closes and gives focus back to the graph, and so does a click anywhere else.
 */
export function NodeMenu({ title, target, at, onClose }: NodeMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);

  // Keep the menu inside the graph area.
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.offsetParent as HTMLElement | null | undefined;
    if (!el || !area) return;
    setPos({
      x: Math.max(MARGIN, Math.min(at.x, area.clientWidth - el.offsetWidth - MARGIN)),
      y: Math.max(MARGIN, Math.min(at.y, area.clientHeight - el.offsetHeight - MARGIN)),
    });
  }, [at]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [onClose]);

  const handleKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>("a, button") ?? [])];
    if (items.length === 0) return;
    e.preventDefault();
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : (i + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`Change traffic: ${title}`}
      data-testid="graph-node-menu"
      onKeyDown={handleKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      style={{ left: pos.x, top: pos.y }}
      className="absolute z-30 rounded border border-slate-200 bg-white shadow-lg"
    >
      <p className="border-b border-slate-100 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      <WizardMenu namespace={target.namespace} service={target.service} workload={target.workload} onNavigate={() => onClose(false)} />
    </div>
  );
}
