"use client";

import { useState } from "react";

/**
 * Confirms a delete by typing the object's name (a click alone is too easy to make by mistake).
 * A native `<dialog>`: focus is trapped and Escape cancels.
 */
export function DeleteDialog({ kind, name, busy, onConfirm, onCancel }: { kind: string; name: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const [typed, setTyped] = useState("");
  return (
    <dialog
      open
      aria-label={`Delete ${kind} ${name}`}
      className="fixed inset-0 z-50 m-auto w-[28rem] rounded border border-slate-300 bg-white p-4 shadow-xl"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <form
        method="dialog"
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed === name) onConfirm();
        }}
      >
        <h2 className="text-base font-semibold">
          Delete {kind} {name}?
        </h2>
        <p className="text-slate-600">This removes it from the cluster, and traffic or policy that depends on it changes at once. Type its name to confirm.</p>
        <input autoFocus aria-label="Type the name to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1 font-mono" />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1">
            Cancel
          </button>
          <button type="submit" disabled={typed !== name || busy} className="rounded bg-red-600 px-3 py-1 font-medium text-white disabled:opacity-40">
            {busy ? "Deleting…" : "Delete"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
