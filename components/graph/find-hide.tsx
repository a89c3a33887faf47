"use client";

import { useId, useState } from "react";
import { FIELDS, parseExpression } from "@/lib/graph-view/expression";

const EXAMPLES = ["rps > 10", "error > 1%", "ns = bookinfo", "!healthy", "version = v2", "name = rev*", "latency > 500ms and protocol = http", "idle or !sidecar"];

/**
 * One expression box (find or hide). The draft is checked as it is typed; it is applied (and put in
 * the URL) on Enter or when the box loses focus, and only when it parses.
 */
function ExpressionBox({
  kind,
  value,
  count,
  onApply,
}: {
  kind: "Find" | "Hide";
  value: string;
  count: number | null;
  onApply: (v: string) => void;
}) {
  const [draft, setDraft] = useState<{ from: string; text: string } | null>(null);
  const text = draft && draft.from === value ? draft.text : value;
  const parsed = text.trim() ? parseExpression(text) : null;
  const errorId = useId();
  const apply = () => {
    if (text.trim() === "" || parsed?.ok) {
      onApply(text.trim());
      setDraft(null);
    }
  };
  return (
    <div className="flex min-w-72 flex-1 flex-col">
      <div className="flex items-center gap-2">
        <label className="flex flex-1 items-center gap-2 text-sm text-slate-600">
          {kind}
          <input
            aria-label={`${kind} expression`}
            aria-invalid={parsed !== null && !parsed.ok}
            aria-describedby={parsed && !parsed.ok ? errorId : undefined}
            placeholder={kind === "Find" ? "e.g. error > 1% or version = v2" : "e.g. idle or ns = istio-system"}
            value={text}
            onChange={(e) => setDraft({ from: value, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter") apply();
              if (e.key === "Escape") setDraft(null);
            }}
            onBlur={apply}
            className={`flex-1 rounded border px-2 py-1 font-mono text-sm ${parsed && !parsed.ok ? "border-red-500" : "border-slate-300"}`}
          />
        </label>
        {value && (
          <button type="button" className="text-sm text-slate-500 hover:text-slate-800" aria-label={`Clear ${kind.toLowerCase()}`} onClick={() => onApply("")}>
            ×
          </button>
        )}
        {value && count !== null && (
          <span className="text-xs text-slate-500" data-testid={`${kind.toLowerCase()}-count`}>
            {count} {kind === "Find" ? "found" : "hidden"}
          </span>
        )}
      </div>
      {parsed && !parsed.ok && (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          {parsed.error}
        </p>
      )}
    </div>
  );
}

/** Find and hide by expression, with inline help on the language. */
export function FindHide({
  find,
  hide,
  found,
  hidden,
  onChange,
}: {
  find: string;
  hide: string;
  found: number | null;
  hidden: number | null;
  onChange: (change: { find?: string; hide?: string }) => void;
}) {
  const [help, setHelp] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-4">
        <ExpressionBox kind="Find" value={find} count={found} onApply={(v) => onChange({ find: v })} />
        <ExpressionBox kind="Hide" value={hide} count={hidden} onApply={(v) => onChange({ hide: v })} />
        <button type="button" aria-expanded={help} className="text-sm text-blue-700 hover:underline" onClick={() => setHelp((h) => !h)}>
          {help ? "Hide help" : "Expression help"}
        </button>
      </div>
      {help && (
        <section aria-label="Expression help" className="rounded border border-slate-200 bg-white p-3 text-xs text-slate-700">
          <p className="mb-2">
            Compare a field with <code>= != &gt; &gt;= &lt; &lt;=</code>, combine with <code>and</code>/<code>or</code> (or <code>&amp;&amp;</code>/<code>||</code>),
            negate with <code>!</code> or <code>not</code>, group with parentheses. Text compares case-insensitively with <code>*</code> as a wildcard; numbers
            take units (<code>1%</code>, <code>500ms</code>, <code>2s</code>, <code>10k</code>, <code>2kb</code>). Examples:{" "}
            {EXAMPLES.map((e, i) => (
              <span key={e}>
                {i > 0 && ", "}
                <code className="rounded bg-slate-100 px-1">{e}</code>
              </span>
            ))}
            .
          </p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
            {FIELDS.map((f) => (
              <div key={f.name} className="contents">
                <dt className="font-mono">
                  {f.name}
                  {f.aliases.length > 0 && <span className="text-slate-400"> ({f.aliases.join(", ")})</span>}
                </dt>
                <dd>
                  {f.help}
                  {f.kind === "flag" && <span className="text-slate-400"> — flag</span>}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
