import type { ReactNode } from "react";
import { ApiError } from "@/lib/api-client";

/** Loading, error and empty states of a query, phrased for the user; renders children when there is data. */
export function QueryState({
  isPending,
  error,
  empty,
  emptyText,
  children,
}: {
  isPending: boolean;
  error: Error | null;
  empty?: boolean;
  emptyText?: ReactNode;
  children: ReactNode;
}) {
  if (error) {
    const source = error instanceof ApiError && error.upstream ? `${error.upstream}: ` : "";
    const hint =
      error instanceof ApiError && error.status === 403
        ? " (no permission)"
        : error instanceof ApiError && error.status === 404
          ? " (not found)"
          : "";
    return (
      <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
        {source}
        {error.message}
        {hint}
      </p>
    );
  }
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (empty) return <p className="text-sm text-slate-500">{emptyText ?? "Nothing to show."}</p>;
  return <>{children}</>;
}
