"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { traceSearchParams, type TraceSearchForm } from "@/lib/tracing/search-params";
import { queries } from "@/lib/queries";

const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {children}
      {error && <span className="font-normal text-red-700">{error}</span>}
    </label>
  );
}

/** Field errors of a form by the same rules as the API, so that nothing invalid is sent. */
function validate(form: TraceSearchForm): Partial<Record<keyof TraceSearchForm, string>> {
  const r = traceSearchParams.safeParse(form);
  if (r.success) return {};
  const out: Partial<Record<keyof TraceSearchForm, string>> = {};
  for (const i of r.error.issues) out[i.path[0] as keyof TraceSearchForm] ??= i.message;
  return out;
}

/**
 * The search of the traces page: service and operation (from Jaeger), tags, duration bounds and
 * limit. Edits stay local until "Find traces", which writes them to the URL through `onSearch`.
 */
export function SearchForm({ value, onSearch }: { value: TraceSearchForm; onSearch: (form: TraceSearchForm) => void }) {
  const [draft, setDraft] = useState(value);
  const [errors, setErrors] = useState<ReturnType<typeof validate>>({});
  const services = useQuery(queries.traceServices());
  const operations = useQuery(queries.traceOperations(draft.service));
  const set = (k: keyof TraceSearchForm) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value, ...(k === "service" ? { operation: "" } : {}) }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onSearch(draft);
  };

  const serviceNames = services.data?.services ?? [];
  const opNames = [...new Set((operations.data?.operations ?? []).map((o) => o.name))];
  return (
    <form onSubmit={handleSubmit} aria-label="Search traces" className="grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-7">
      <Field label="Service" error={errors.service ?? (services.error ? `Services unavailable: ${services.error.message}` : undefined)}>
        <select aria-label="Service" className={input} value={draft.service} onChange={set("service")}>
          <option value="">{services.isPending ? "Loading…" : "Choose a service"}</option>
          {draft.service && !serviceNames.includes(draft.service) && <option value={draft.service}>{draft.service}</option>}
          {serviceNames.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Operation" error={errors.operation}>
        <select aria-label="Operation" className={input} value={draft.operation} onChange={set("operation")} disabled={!draft.service}>
          <option value="">All operations</option>
          {draft.operation && !opNames.includes(draft.operation) && <option value={draft.operation}>{draft.operation}</option>}
          {opNames.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Tags" error={errors.tags}>
        <input aria-label="Tags" className={input} placeholder="http.status_code=503,error=true" value={draft.tags} onChange={set("tags")} />
      </Field>
      <Field label="Min duration" error={errors.minDuration}>
        <input aria-label="Min duration" className={input} placeholder="e.g. 10ms" value={draft.minDuration} onChange={set("minDuration")} />
      </Field>
      <Field label="Max duration" error={errors.maxDuration}>
        <input aria-label="Max duration" className={input} placeholder="e.g. 1.5s" value={draft.maxDuration} onChange={set("maxDuration")} />
      </Field>
      <Field label="Limit" error={errors.limit}>
        <input aria-label="Limit" className={input} inputMode="numeric" placeholder="20" value={draft.limit} onChange={set("limit")} />
      </Field>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Find traces
        </button>
      </div>
    </form>
  );
}
