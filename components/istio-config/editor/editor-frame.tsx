"use client";

import dynamic from "next/dynamic";
import type { EditorProblem } from "@/lib/istio-config/problems";
import { ProblemsList } from "./problems-list";

// CodeMirror and the YAML grammar load only on the editor pages, after the page itself.
const YamlEditor = dynamic(() => import("./yaml-editor"), {
  ssr: false,
  loading: () => <p className="h-96 rounded border border-slate-200 bg-white p-3 text-sm text-slate-500">Loading the editor…</p>,
});

/** The YAML editor with the problems of its text marked inline and listed below. */
export function EditorFrame(props: {
  text: string;
  version: number;
  onChange: (text: string) => void;
  problems: readonly EditorProblem[];
  checking: boolean;
  validationError?: string;
  readOnly: boolean;
  label: string;
}) {
  return (
    <div className="space-y-2">
      <YamlEditor value={props.text} version={props.version} onChange={props.onChange} problems={props.problems} readOnly={props.readOnly} label={props.label} />
      <ProblemsList problems={props.problems} checking={props.checking} validationError={props.validationError} />
    </div>
  );
}

/** The editor's buttons. */
export function ActionButton({ onClick, disabled, children, variant = "plain", testId }: { onClick: () => void; disabled?: boolean; children: string; variant?: "primary" | "plain" | "danger"; testId?: string }) {
  const style = {
    primary: "bg-blue-700 text-white hover:bg-blue-800",
    plain: "border border-slate-300 bg-white hover:bg-slate-50",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  }[variant];
  return (
    <button type="button" onClick={onClick} disabled={disabled} data-testid={testId} className={`rounded px-3 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-40 ${style}`}>
      {children}
    </button>
  );
}

/** The text the user had typed when a save failed, kept to copy after a reload. */
export function KeptText({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <details open className="rounded border border-amber-200 bg-amber-50 p-2 text-sm">
      <summary className="cursor-pointer font-medium text-amber-900">Your text (not saved)</summary>
      <textarea readOnly value={text} aria-label="Your text (not saved)" data-testid="kept-text" className="mt-2 h-40 w-full rounded border border-amber-200 bg-white p-2 font-mono text-xs" />
      <button type="button" onClick={onDismiss} className="text-xs text-amber-900 underline">
        Dismiss
      </button>
    </details>
  );
}
