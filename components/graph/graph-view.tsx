"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useRefetchInterval, useViewQuery, useViewState } from "@/components/layout/use-view-state";
import { buildGraphModel, nodeTitle } from "@/lib/graph-view/elements";
import { parseExpression } from "@/lib/graph-view/expression";
import { wizardTargetOf } from "@/lib/graph-view/wizard-target";
import { focusGraph } from "@/lib/graph-view/focus";
import type { GraphRequest } from "@/lib/graph-view/request";
import { graphRequestOptions, type EdgeLabelMode, type GraphViewState } from "@/lib/graph-view/view-state";
import { queries } from "@/lib/queries";
import { GraphCanvas, type CanvasStatus, type GraphCanvasApi } from "./graph-canvas";
import { GraphLegend } from "./graph-legend";
import { GraphTable } from "./graph-table";
import { GraphToolbar } from "./graph-toolbar";
import { FindHide } from "./find-hide";
import { GraphNotice, GraphProblem, type ProblemState } from "./graph-states";
import { NodeMenu, type MenuPoint } from "./node-menu";
import { SidePanel } from "./side-panel";
import { TraceBanner } from "./trace-banner";
import { useGraphViewState } from "./use-graph-view-state";
import { useTracePath } from "./use-trace-path";

const EMPTY = new Set<string>();

/** Builds the model, leaving a `meshscope:graph-model` performance measure for benchmarks. */
function timedModel(graph: Parameters<typeof buildGraphModel>[0], labels: EdgeLabelMode) {
  const started = performance.now();
  const m = buildGraphModel(graph, labels);
  performance.measure("meshscope:graph-model", { start: started, end: performance.now() });
  return m;
}

function compile(src: string) {
  if (!src.trim()) return null;
  const r = parseExpression(src);
  return r.ok ? r.expr : null;
}

/** The graph page: options, the graph itself, the selected element's panel and the table view. */
export function GraphView() {
  const [shared] = useViewState();
  const [view, setView] = useGraphViewState();
  const refetchInterval = useRefetchInterval();
  const req: GraphRequest = useMemo(
    () => ({ namespaces: shared.namespaces, window: shared.window, ...graphRequestOptions(view) }),
    // graphRequestOptions reads only these fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shared.namespaces, shared.window, view.graphType, view.serviceNodes, view.idle, view.edgeLabels],
  );
  const q = useQuery({ ...queries.graph(req), refetchInterval });
  const data = q.data;

  const focused = useMemo(() => {
    if (!data) return undefined;
    return view.focus ? (focusGraph(data.nodes, data.edges, view.focus) ?? null) : data;
  }, [data, view.focus]);
  const model = useMemo(() => (focused ? timedModel(focused, view.edgeLabels) : null), [focused, view.edgeLabels]);
  const traced = useTracePath(view.trace, focused);
  const viewQuery = useViewQuery();
  const find = useMemo(() => compile(view.find), [view.find]);
  const hide = useMemo(() => compile(view.hide), [view.hide]);

  const [matches, setMatches] = useState<{ found: Set<string>; hidden: Set<string> }>({ found: EMPTY, hidden: EMPTY });
  const [status, setStatus] = useState<CanvasStatus | null>(null);
  const [relayout, setRelayout] = useState(0);
  const [menu, setMenu] = useState<{ id: string; at: MenuPoint } | null>(null);
  const api = useRef<GraphCanvasApi | null>(null);

  const change = useCallback((c: Partial<GraphViewState>, push = false) => setView(c, { push }), [setView]);
  const onSelect = useCallback((id: string | null) => change({ selected: id }), [change]);
  const onFocus = useCallback((id: string | null) => change({ focus: id, selected: id }, true), [change]);
  const onContextMenu = useCallback((id: string, at: MenuPoint) => setMenu({ id, at }), []);
  const closeMenu = useCallback((returnFocus: boolean) => {
    setMenu(null);
    if (returnFocus) api.current?.focus();
  }, []);

  // A different graph (not a refresh of the same one) is laid out again; the key follows the data shown.
  const layoutKey = data ? `${data.options.namespaces.join(",")}|${data.options.graphType}|${data.options.injectServiceNodes}|${view.focus ?? ""}` : "";

  if (shared.namespaces.length === 0) {
    return <GraphNotice>Select one or more namespaces above to see their service graph.</GraphNotice>;
  }

  const focusNode = view.focus && data ? data.nodes.find((n) => n.id === view.focus) : undefined;
  const menuNode = menu ? model?.nodes.get(menu.id) : undefined;
  const menuTarget = menuNode ? wizardTargetOf(menuNode) : null;
  const allHidden = model !== null && model.nodeData.length > 0 && matches.hidden.size > 0 && model.nodeData.every((n) => matches.hidden.has(n.id));

  return (
    <div className="space-y-3">
      <GraphToolbar
        view={view}
        onChange={(c) => change(c)}
        onFit={() => api.current?.fit()}
        onZoom={(f) => api.current?.zoom(f)}
        onRelayout={() => setRelayout((r) => r + 1)}
        onExportPng={() => void api.current?.exportPng()}
        onExportSvg={() => api.current?.exportSvg()}
        busy={!model || model.nodeData.length === 0}
      />
      <FindHide
        find={view.find}
        hide={view.hide}
        found={find ? matches.found.size : null}
        hidden={hide ? matches.hidden.size : null}
        onChange={(c) => change(c)}
      />
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500" aria-live="polite">
        {data && (
          <span data-testid="graph-summary">
            {model?.nodeData.length ?? 0} nodes, {model?.edgeData.length ?? 0} edges · {shared.namespaces.join(", ")} · last {shared.window} · updated{" "}
            {new Date(data.timestamp * 1000).toLocaleTimeString()}
          </span>
        )}
        {status && (
          <span>
            layout {status.layoutMs} ms ({status.layoutWhere === "worker" ? "web worker" : "main thread"}) · {status.renderer === "webgl" ? "WebGL" : "canvas"} renderer
          </span>
        )}
        {q.isFetching && <span>Refreshing…</span>}
        <button type="button" className="text-blue-700 hover:underline" onClick={() => void q.refetch()}>
          Refresh now
        </button>
      </div>
      {view.focus && (
        <GraphNotice tone="info">
          Focused on <strong>{focusNode ? nodeTitle(focusNode) : view.focus}</strong>: its callers and callees.{" "}
          <button type="button" className="text-blue-700 hover:underline" onClick={() => onFocus(null)}>
            Show the whole graph
          </button>
        </GraphNotice>
      )}
      {view.trace && (
        <TraceBanner
          traceId={view.trace}
          trace={traced.trace}
          path={traced.path}
          hopCount={traced.hops?.length ?? 0}
          error={traced.error}
          loading={traced.loading}
          traceHref={`/traces/${view.trace}${viewQuery}`}
          onDismiss={() => change({ trace: null })}
        />
      )}
      {data?.errors?.map((e) => (
        <GraphNotice key={e.source} tone="warn">
          Built without {e.source}: {e.message}
        </GraphNotice>
      ))}
      {q.error && data && (
        <GraphNotice tone="warn">The last refresh failed, showing the previous graph: {q.error.message}</GraphNotice>
      )}
      <GraphBody
        state={
          q.error && !data
            ? { kind: "error", error: q.error, retry: () => void q.refetch() }
            : !data || !model
              ? focused === null
                ? { kind: "focus-missing", id: view.focus ?? "", clear: () => onFocus(null) }
                : { kind: "loading" }
              : model.nodeData.length === 0
                ? { kind: "empty", namespaces: shared.namespaces, window: shared.window, idle: view.idle, showIdle: () => change({ idle: true }) }
                : { kind: "graph" }
        }
      >
        {model && model.nodeData.length > 0 && (
          <div className="flex h-[68vh] min-h-[480px] overflow-hidden rounded border border-slate-200 bg-white">
            <div className="relative min-w-0 flex-1">
              <GraphCanvas
                model={model}
                layout={view.layout}
                renderer={view.renderer}
                layoutKey={layoutKey}
                relayout={relayout}
                find={find}
                hide={hide}
                traffic={view.traffic}
                selected={view.selected}
                focus={view.focus}
                highlight={traced.path}
                onSelect={onSelect}
                onFocus={onFocus}
                onContextMenu={onContextMenu}
                onStatus={setStatus}
                onMatches={setMatches}
                apiRef={api}
              />
              {menu && menuNode && menuTarget && <NodeMenu title={nodeTitle(menuNode)} target={menuTarget} at={menu.at} onClose={closeMenu} />}
              <div className="pointer-events-none absolute bottom-2 left-2 [&>*]:pointer-events-auto">
                <GraphLegend />
              </div>
              {allHidden && (
                <p className="absolute left-1/2 top-4 -translate-x-1/2 rounded bg-amber-50 px-3 py-1 text-sm text-amber-900">
                  Every node is hidden by the hide expression.
                </p>
              )}
            </div>
            {view.selected && (
              <SidePanel
                model={model}
                selected={view.selected}
                window={shared.window}
                refetchInterval={refetchInterval}
                focused={view.focus === view.selected}
                onFocus={onFocus}
                onSelect={onSelect}
              />
            )}
          </div>
        )}
      </GraphBody>
      {model && model.nodeData.length > 0 && <GraphTable model={model} found={matches.found} hidden={matches.hidden} selected={view.selected} onSelect={onSelect} />}
    </div>
  );
}

function GraphBody({ state, children }: { state: ProblemState | { kind: "graph" }; children: ReactNode }) {
  if (state.kind === "graph") return <>{children}</>;
  return <GraphProblem state={state} />;
}
