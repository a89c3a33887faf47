"use client";

import { useState } from "react";
import { countLevels } from "@/lib/istio-config/list-view";
import type { Finding } from "@/lib/validation";
import { SeverityIcon } from "./severity";

/**
 * An object's findings: an icon and count per severity, the codes on hover, and the list (code,
 * message, path) when expanded. `data-codes` lists the codes for tests and scripts.
 */
export function FindingsBadge({ findings }: { findings: readonly Finding[] }) {
  const [open, setOpen] = useState(false);
  if (findings.length === 0) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="findings" data-codes="">
        <SeverityIcon level="none" /> none
      </span>
    );
  }
  const counts = countLevels(findings);
  const codes = [...new Set(findings.map((f) => f.code))];
  return (
    <div data-testid="findings" data-codes={codes.join(",")}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        title={findings.map((f) => `${f.code} ${f.message}`).join("\n")}
        className="inline-flex items-center gap-2 rounded px-1 text-xs tabular-nums hover:bg-slate-100"
      >
        {(["error", "warning", "info"] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <span key={s} className="inline-flex items-center gap-0.5" data-severity={s}>
              <SeverityIcon level={s} />
              {counts[s]}
            </span>
          ))}
        <span className="font-mono text-slate-500">{codes.join(" ")}</span>
      </button>
      {open && <FindingList findings={findings} />}
    </div>
  );
}

/** Findings as a list: code, message and the field at fault. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <ul className="mt-1 space-y-1 text-xs">
      {findings.map((f) => (
        <li key={`${f.code}/${f.path}/${f.message}`} className="flex gap-1.5" data-testid="finding" data-code={f.code}>
          <SeverityIcon level={f.severity} />
          <span className="font-mono font-semibold">{f.code}</span>
          <span className="min-w-0">
            {f.message} <span className="font-mono text-slate-500">{f.path}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
