"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useRef, type ReactNode } from "react";

/** A column of {@link VirtualTable}. */
export interface VColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** A CSS grid track, e.g. `minmax(10rem, 2fr)` (default `minmax(6rem, 1fr)`). */
  width?: string;
  /** Makes the column sortable. */
  compare?: (a: T, b: T) => number;
  className?: string;
}

export interface SortState {
  column: string;
  descending: boolean;
}

const ROW_HEIGHT = 44;

/**
 * A table that renders only the rows in view (TanStack Virtual), so that thousands of rows scroll
 * smoothly: a grid of `role="row"` elements absolutely positioned inside a scroll box, with a sticky
 * header whose sortable columns toggle `sort`. Rows carry `data-testid={rowTestId}` and `data-key`.
 */
export function VirtualTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
  sort,
  onSortChange,
  maxHeight = "calc(100vh - 15rem)",
}: {
  label: string;
  columns: VColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
  sort?: SortState;
  onSortChange?: (s: SortState) => void;
  maxHeight?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual keeps its own state and re-renders through it; the compiler cannot memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => (rows[i] ? rowKey(rows[i]) : i),
  });
  const template = columns.map((c) => c.width ?? "minmax(6rem, 1fr)").join(" ");
  const items = virtualizer.getVirtualItems();

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="rounded border border-slate-200 bg-white text-sm">
      <div ref={scrollRef} className="overflow-auto" style={{ maxHeight }}>
        <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50">
          <div role="row" aria-rowindex={1} className="grid min-w-max text-left text-xs font-medium uppercase tracking-wide text-slate-500" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => {
              const active = sort?.column === c.id;
              return (
                <div
                  key={c.id}
                  role="columnheader"
                  aria-sort={active ? (sort?.descending ? "descending" : "ascending") : undefined}
                  className="px-3 py-2"
                >
                  {c.compare && onSortChange ? (
                    <button
                      type="button"
                      className={`inline-flex items-center gap-1 uppercase hover:text-slate-900 ${active ? "text-slate-900" : ""}`}
                      onClick={() => onSortChange({ column: c.id, descending: active ? !sort?.descending : false })}
                    >
                      {c.header}
                      <span aria-hidden>{active ? (sort?.descending ? "▼" : "▲") : "↕"}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="relative min-w-max" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <Row
                key={v.key}
                row={row}
                rowKey={rowKey(row)}
                index={v.index}
                start={v.start}
                columns={columns}
                template={template}
                testId={rowTestId}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps<T> {
  row: T;
  rowKey: string;
  index: number;
  start: number;
  columns: VColumn<T>[];
  template: string;
  testId?: string;
  measure: (el: HTMLElement | null) => void;
}

/**
 * One row. Memoized: scrolling re-renders the table on every frame, and only rows that came into view
 * (or moved) should render again, not every visible row's cells.
 */
const Row = memo(function Row<T>({ row, rowKey, index, start, columns, template, testId, measure }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid={testId}
      data-key={rowKey}
      data-index={index}
      ref={measure}
      className="absolute left-0 grid w-full items-center border-b border-slate-100 hover:bg-slate-50"
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template, minHeight: ROW_HEIGHT }}
    >
      {columns.map((c) => (
        <div key={c.id} role="cell" className={`min-w-0 px-3 py-1.5 ${c.className ?? ""}`}>
          {c.cell(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

/** Sorts rows by the active column, stable, without touching the input. */
export function sortRows<T>(rows: readonly T[], columns: readonly VColumn<T>[], sort: SortState | undefined): T[] {
  const col = sort && columns.find((c) => c.id === sort.column);
  if (!sort || !col?.compare) return [...rows];
  const cmp = col.compare;
  const dir = sort.descending ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => dir * cmp(a.r, b.r) || a.i - b.i)
    .map((x) => x.r);
}
