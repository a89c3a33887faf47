"use client";

import { useId, type ReactNode } from "react";

/** Inputs of the wizards' forms: each labelled, with its error next to it and tied by aria-describedby. */

export const inputClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";

/** The message of the field at `field` (a path inside the input, e.g. `weights.0.weight`). */
export function FieldError({ id, field, message }: { id?: string; field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} data-field-error={field} className="text-xs text-red-700">
      {message}
    </p>
  );
}

/** Errors of the form that no field shows (its own, or a path it has no field for). */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul role="alert" data-testid="form-errors" className="space-y-1 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  label: string;
  /** The input path the field edits, for its error (and for tests). */
  field: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  hint?: ReactNode;
  disabled?: boolean;
  width?: string;
  type?: "text" | "number";
  multiline?: boolean;
}

/** A labelled text (or number) input. */
export function TextField({ label, field, value, onChange, error, placeholder, hint, disabled, width = "w-40", type = "text", multiline }: TextFieldProps) {
  const id = useId();
  const errId = `${id}-error`;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errId : undefined,
    "data-field": field,
    value,
    placeholder,
    disabled,
    className: `${inputClass} ${width}`,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <FieldError id={errId} field={field} message={error} />
    </div>
  );
}

/** A labelled select. */
export function SelectField<T extends string>({ label, field, value, options, onChange, error }: { label: string; field: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void; error?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} data-field={field} className={inputClass} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={field} message={error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField({ label, checked, onChange, disabled, hint }: { label: ReactNode; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; hint?: ReactNode }) {
  return (
    <label className={`flex items-start gap-2 text-sm ${disabled ? "text-slate-400" : ""}`}>
      <input type="checkbox" className="mt-0.5" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

/** A titled group of fields. */
export function FieldGroup({ legend, children, actions }: { legend: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-semibold text-slate-700">{legend}</legend>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      {children}
    </fieldset>
  );
}

export const buttonClass = "rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
export const primaryButtonClass = "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-600 disabled:cursor-not-allowed disabled:bg-slate-400";
