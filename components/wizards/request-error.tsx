import { ApiError } from "@/lib/api-client";

/**
 * A failed preview or apply, phrased for the user: 403 says the console is read-only or the user may
 * not write (the backend's own words), 422 without fields shows the refusal, others the upstream.
 */
export function RequestError({ error, action }: { error: Error | null; action: "preview" | "apply" }) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 403 ? `Not allowed to ${action}` : status === 422 ? `The ${action} was refused` : status === 404 ? "Not found" : `The ${action} failed`;
  const upstream = error instanceof ApiError && error.upstream ? ` (${error.upstream})` : "";
  return (
    <div role="alert" data-testid={`${action}-error`} data-status={status} className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-semibold">
        {title}
        {status ? ` · HTTP ${status}` : ""}
        {upstream}
      </p>
      <p>{error.message}</p>
      {status === 403 && <p className="mt-1 text-xs">Nothing was written. Ask for write access, or use a console that is not read-only.</p>}
    </div>
  );
}
