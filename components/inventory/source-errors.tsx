import type { SourceError } from "@/lib/api/schemas";

/** The sources that failed while the rest of the answer is shown (e.g. Prometheus down: no request health). */
export function SourceErrors({ errors }: { errors?: readonly SourceError[] }) {
  if (!errors?.length) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {errors.map((e) => (
        <p key={`${e.source}:${e.message}`}>
          <strong className="capitalize">{e.source}</strong>: {e.message}
        </p>
      ))}
    </div>
  );
}
