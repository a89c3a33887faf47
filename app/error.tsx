"use client";

/** Shown when a page fails to render: the message, never a stack trace, and a way to try again. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">This page failed to load</h1>
      <p className="text-sm text-slate-700">{error.message || "An unexpected error occurred."}</p>
      <button type="button" onClick={reset} className="rounded bg-slate-800 px-3 py-1 text-sm text-white">
        Try again
      </button>
    </div>
  );
}
