"use client";

import type { Core } from "cytoscape";
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { layoutInput, type GraphModel } from "@/lib/graph-view/elements";
import type { Expr } from "@/lib/graph-view/expression";
import type { Positions } from "@/lib/graph-view/layout-types";
import { drawingPlan } from "@/lib/graph-view/scale";
import type { LayoutName, RendererName } from "@/lib/graph-view/view-state";
import { bindEvents, currentPositions } from "./cy-events";
import { download, graphPng, graphSvg } from "./export";
import { runLayout } from "./layout-runner";
import { GraphOverlay } from "./overlay";
import { applyClasses, applyHighlight, namespaceBoxes, overlayEdges, syncElements, toDefinitions, type Highlight } from "./sync";

type CySetup = typeof import("./cy-setup");

/** What the toolbar can do to the canvas. */
export interface GraphCanvasApi {
  fit(): void;
  zoom(factor: number): void;
  exportPng(): Promise<void>;
  exportSvg(): void;
  /** Gives the keyboard focus to the graph (after its context menu closes). */
  focus(): void;
}

/** What the canvas reports about itself (shown in the status line and as data attributes). */
export interface CanvasStatus {
  renderer: "canvas" | "webgl";
  layoutMs: number;
  layoutWhere: "worker" | "main";
  visibleNodes: number;
}

export interface GraphCanvasProps {
  model: GraphModel;
  layout: LayoutName;
  renderer: RendererName;
  /** Changes when the graph is another one (namespaces, graph type, focus): positions are recomputed. */
  layoutKey: string;
  /** Bumped to lay the same graph out again. */
  relayout: number;
  find: Expr | null;
  hide: Expr | null;
  traffic: boolean;
  selected: string | null;
  focus: string | null;
  /** A trace's path: these elements are highlighted, the others dimmed. */
  highlight?: Highlight | null;
  onSelect: (id: string | null) => void;
  onFocus: (id: string) => void;
  /** A right-click on a node (or Shift+F10 / the menu key on the selected node). */
  onContextMenu?: (id: string, at: { x: number; y: number }) => void;
  onStatus?: (s: CanvasStatus) => void;
  /** Number of elements found and hidden by the expressions. */
  onMatches?: (m: { found: Set<string>; hidden: Set<string> }) => void;
  apiRef?: Ref<GraphCanvasApi | null>;
}

/**
 * The graph drawn by Cytoscape (loaded on demand). Refreshes update elements in place: positions are
 * kept, new nodes are placed next to their neighbours, removed ones disappear; only a different graph
 * (or the layout picker) lays everything out again, in a Web Worker.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { model, layout, renderer: rendererChoice, layoutKey, relayout, find, hide, traffic, selected, focus, highlight = null } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const underlayRef = useRef<HTMLCanvasElement>(null);
  const cyRef = useRef<Core | null>(null);
  const overlay = useRef<GraphOverlay | null>(null);
  const laidOut = useRef<string | null>(null);
  const seq = useRef(0);
  const callbacks = useRef(props);
  const [setup, setSetup] = useState<CySetup | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ready, setReady] = useState(0);
  const [status, setStatus] = useState<CanvasStatus | null>(null);

  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    let live = true;
    import("./cy-setup")
      .then((m) => live && setSetup(m))
      .catch((err: unknown) => live && setLoadError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, []);

  // Cytoscape only notices window resizes; the side panel opening resizes the container too.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => cyRef.current?.resize());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(
    () => () => {
      overlay.current?.destroy();
      cyRef.current?.destroy();
      cyRef.current = null;
    },
    [],
  );
  const compound = drawingPlan(model.nodeData.length).compound;

  // Elements and positions.
  useEffect(() => {
    const container = containerRef.current;
    if (!setup || !container) return;
    const key = `${layoutKey}|${layout}|${relayout}|${compound}`;
    const defs = toDefinitions(model, compound);
    const cy = cyRef.current;
    const renderer = setup.chooseRenderer(rendererChoice, model.nodeData.length);
    const full = !cy || laidOut.current !== key;
    const currentRenderer = cy ? ((cy.data("renderer") as string | undefined) ?? "canvas") : undefined;

    if (!full && cy && currentRenderer === renderer && cy.data("compound") === compound) {
      syncElements(cy, defs);
      setReady((r) => r + 1);
      return;
    }
    const id = ++seq.current;
    const initial: Positions | undefined = cy && layout === "force" ? currentPositions(cy) : undefined;
    // Marks for benchmarks and profiling: performance.getEntriesByName("meshscope:graph-layout") etc.
    const started = performance.now();
    runLayout(layout, layoutInput(model), initial).then((result) => {
      if (id !== seq.current || !containerRef.current) return;
      const laid = performance.now();
      performance.measure("meshscope:graph-layout", { start: started, end: laid });
      let instance = cyRef.current;
      if (!instance || currentRenderer !== renderer || instance.data("compound") !== compound) {
        overlay.current?.destroy();
        if (instance) {
          setup.releaseCy(instance);
          instance.destroy();
        }
        instance = setup.createCy({ container: containerRef.current, model, positions: result.positions, renderer });
        bindEvents(instance, callbacks);
        cyRef.current = instance;
        if (overlayRef.current && underlayRef.current) overlay.current = new GraphOverlay(instance, overlayRef.current, underlayRef.current);
      } else {
        syncElements(instance, defs, result.positions);
        instance.nodes().forEach((n) => {
          const p = result.positions.get(n.id());
          if (p && !n.isParent()) n.position(p);
        });
      }
      instance.fit(undefined, 30);
      if (instance.zoom() > 1.4) instance.zoom({ level: 1.4, renderedPosition: { x: instance.width() / 2, y: instance.height() / 2 } });
      performance.measure("meshscope:graph-draw", { start: laid, end: performance.now() });
      instance.one("render", () => performance.measure("meshscope:graph-first-render", { start: started, end: performance.now() }));
      laidOut.current = key;
      setStatus((s) => ({ renderer, layoutMs: Math.round(result.ms), layoutWhere: result.where, visibleNodes: s?.visibleNodes ?? 0 }));
      setReady((r) => r + 1);
    });
  }, [setup, model, compound, layout, rendererChoice, layoutKey, relayout]);

  // Find, hide, focus, level of detail, selection and the overlay follow every change.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !setup) return;
    const m = applyClasses(cy, model, find, hide, focus);
    const visibleNodes = model.nodeData.length - [...m.hidden].filter((id) => model.nodes.has(id)).length;
    setup.applyVisibleCount(cy, visibleNodes);
    applyHighlight(cy, highlight);
    cy.batch(() => {
      cy.$(":selected").unselect();
      if (selected) cy.getElementById(selected).select();
    });
    overlay.current?.update(overlayEdges(model), traffic, cy.data("compound") ? null : namespaceBoxes(model));
    callbacks.current.onMatches?.(m);
    setStatus((s) => (s && s.visibleNodes !== visibleNodes ? { ...s, visibleNodes } : s));
  }, [ready, setup, model, find, hide, focus, selected, traffic, highlight]);

  useEffect(() => {
    if (status) callbacks.current.onStatus?.(status);
  }, [status]);

  // The keyboard's way to the context menu: Shift+F10 or the menu key on the selected node.
  const handleKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ContextMenu" && !(e.shiftKey && e.key === "F10")) return;
    const cy = cyRef.current;
    const node = selected && cy ? cy.getElementById(selected) : null;
    if (!node || node.empty() || !node.isNode()) return;
    e.preventDefault();
    props.onContextMenu?.(selected!, { ...node.renderedPosition() });
  };

  useImperativeHandle(
    props.apiRef,
    () => ({
      fit: () => cyRef.current?.fit(cyRef.current.elements(":visible"), 30),
      zoom: (factor: number) => {
        const cy = cyRef.current;
        if (cy) cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      exportPng: async () => {
        if (cyRef.current) download(await graphPng(cyRef.current), "meshscope-graph.png");
      },
      exportSvg: () => {
        if (cyRef.current) download(graphSvg(cyRef.current), "meshscope-graph.svg");
      },
      focus: () => containerRef.current?.focus(),
    }),
    [],
  );

  return (
    <div className="relative h-full w-full">
      <canvas ref={underlayRef} aria-hidden="true" data-testid="graph-underlay" className="pointer-events-none absolute inset-0 h-full w-full" />
      <div
        ref={containerRef}
        data-testid="graph-canvas"
        data-ready={status ? "true" : "false"}
        data-renderer={status?.renderer}
        data-layout-ms={status?.layoutMs}
        data-layout-where={status?.layoutWhere}
        data-node-count={model.nodeData.length}
        data-edge-count={model.edgeData.length}
        data-compound={compound}
        role="region"
        tabIndex={0}
        aria-keyshortcuts="Shift+F10"
        aria-label={`Service graph: ${model.nodeData.length} nodes and ${model.edgeData.length} edges. The table below lists them. Shift+F10 opens the selected node's actions.`}
        onKeyDown={handleKeyDown}
        // Not absolutely positioned: Cytoscape makes its container `position: relative`.
        className="h-full w-full outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500"
      />
      <canvas ref={overlayRef} aria-hidden="true" data-testid="graph-overlay" className="pointer-events-none absolute inset-0 h-full w-full" />
      {!status && !loadError && <p className="absolute left-3 top-3 text-sm text-slate-500">Laying out the graph…</p>}
      {loadError && (
        <p role="alert" className="absolute left-3 top-3 text-sm text-red-700">
          The graph renderer failed to load: {loadError}
        </p>
      )}
    </div>
  );
}
