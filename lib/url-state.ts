/**
 * The view state every page shares, kept in the URL so a view can be shared by copying it:
 * `?namespaces=a,b&window=5m&refresh=30s`.
 */
export const TIME_WINDOWS = ["1m", "5m", "10m", "30m", "1h", "3h", "6h", "12h", "1d"] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

export const REFRESH_INTERVALS = ["off", "10s", "15s", "30s", "1m", "5m"] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];

export const DEFAULT_WINDOW: TimeWindow = "5m";
export const DEFAULT_REFRESH: RefreshInterval = "30s";

export interface ViewState {
  namespaces: string[];
  window: TimeWindow;
  refresh: RefreshInterval;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Reads the view state from search params; unknown or malformed values fall back to defaults. */
export function parseViewState(params: Pick<URLSearchParams, "get">): ViewState {
  const namespaces = (params.get("namespaces") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 63 && NAMESPACE.test(s));
  return {
    namespaces: [...new Set(namespaces)].sort(),
    window: oneOf(TIME_WINDOWS, params.get("window"), DEFAULT_WINDOW),
    refresh: oneOf(REFRESH_INTERVALS, params.get("refresh"), DEFAULT_REFRESH),
  };
}

/**
 * Writes a change to the view state into a copy of `params`, keeping every other parameter (a page's
 * own state). Defaults are left out so URLs stay short.
 */
export function withViewState(params: URLSearchParams, change: Partial<ViewState>): URLSearchParams {
  const next = new URLSearchParams(params);
  if (change.namespaces !== undefined) {
    if (change.namespaces.length) next.set("namespaces", [...new Set(change.namespaces)].sort().join(","));
    else next.delete("namespaces");
  }
  if (change.window !== undefined) {
    if (change.window === DEFAULT_WINDOW) next.delete("window");
    else next.set("window", change.window);
  }
  if (change.refresh !== undefined) {
    if (change.refresh === DEFAULT_REFRESH) next.delete("refresh");
    else next.set("refresh", change.refresh);
  }
  return next;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30s` → 30000; `off` → false (TanStack Query's `refetchInterval` takes either). */
export function refreshMs(r: RefreshInterval): number | false {
  return r === "off" ? false : durationMs(r);
}

/** `5m` → 300000. */
export function durationMs(d: TimeWindow | Exclude<RefreshInterval, "off">): number {
  const unit = d.slice(-1) as keyof typeof UNIT_MS;
  return Number(d.slice(0, -1)) * UNIT_MS[unit];
}
