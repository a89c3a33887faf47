import type { ReactNode } from "react";
import { ApiError } from "@/lib/api-client";

const TONES = {
  muted: "text-slate-500",
  info: "rounded border border-blue-200 bg-blue-50 px-3 py-2 text-blue-900",
  warn: "rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900",
} as const;

/** A one-line note above or instead of the graph. */
export function GraphNotice({ tone = "muted", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <p role={tone === "warn" ? "alert" : undefined} className={`text-sm ${TONES[tone]}`}>
      {children}
    </p>
  );
}

export type ProblemState =
  | { kind: "loading" }
  | { kind: "error"; error: Error; retry: () => void }
  | { kind: "empty"; namespaces: string[]; window: string; idle: boolean; showIdle: () => void }
  | { kind: "focus-missing"; id: string; clear: () => void };

function errorText(error: Error): { title: string; detail: string } {
  if (!(error instanceof ApiError)) return { title: "The graph could not be loaded", detail: error.message };
  const upstream = error.upstream ? error.upstream[0]!.toUpperCase() + error.upstream.slice(1) : undefined;
  if (error.status === 504) return { title: `${upstream ?? "An upstream"} timed out (HTTP 504)`, detail: error.message };
  if (error.status === 502) return { title: `${upstream ?? "An upstream"} is unreachable or failed (HTTP 502)`, detail: error.message };
  if (error.status === 503) return { title: `${upstream ?? "An upstream"} is not configured (HTTP 503)`, detail: error.message };
  if (error.status === 403) return { title: "No permission to read these namespaces (HTTP 403)", detail: error.message };
  return { title: `The graph could not be built (HTTP ${error.status})`, detail: error.message };
}

/** Why there is no graph to show: loading, an upstream failure, no traffic, or a focus node gone. */
export function GraphProblem({ state }: { state: ProblemState }) {
  switch (state.kind) {
    case "loading":
      return <GraphNotice>Loading the graph…</GraphNotice>;
    case "error": {
      const { title, detail } = errorText(state.error);
      return (
        <div role="alert" data-testid="graph-error" className="space-y-1 rounded border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{title}</p>
          <p className="break-all font-mono text-xs">{detail}</p>
          <button type="button" className="text-blue-700 hover:underline" onClick={state.retry}>
            Try again
          </button>
        </div>
      );
    }
    case "empty":
      return (
        <div data-testid="graph-empty" className="space-y-1 rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <p className="font-semibold">
            No traffic in {state.namespaces.join(", ")} over the last {state.window}.
          </p>
          <p>
            Nothing called or was called by these namespaces in the window.{" "}
            {state.idle ? (
              "They have no workloads or services either."
            ) : (
              <>
                <button type="button" className="text-blue-700 hover:underline" onClick={state.showIdle}>
                  Show idle nodes
                </button>{" "}
                to see their workloads, or pick a longer time window.
              </>
            )}
          </p>
        </div>
      );
    case "focus-missing":
      return (
        <GraphNotice tone="warn">
          The focused node <code>{state.id}</code> is not in this graph.{" "}
          <button type="button" className="text-blue-700 hover:underline" onClick={state.clear}>
            Show the whole graph
          </button>
        </GraphNotice>
      );
  }
}
