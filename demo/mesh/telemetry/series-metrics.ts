/**
 * Counter and histogram collectors for a prom-client {@link Registry}, keyed by a caller-computed
 * series key. prom-client's own metrics validate and hash the label object on every observation,
 * which dominated the simulator's per-request cost; these do one map lookup and build the label
 * object only for a new series. They implement the part of prom-client's metric contract the
 * registry uses (`name`, `help`, `type`, `aggregator`, `get()`, `reset()`), and histogram buckets
 * are exported with `le` last, as Envoy does.
 *
 * Each series belongs to one shard (`shardOf`, computed once when the series appears), so that the
 * exposition can be split over several scrape endpoints (see shards.ts); `render()` without a shard
 * prints every series.
 */
type Labels<L extends string> = Record<L, string>;

/** Which shard a new series belongs to; absent: every series is in shard 0. */
export type ShardOf = (labels: Readonly<Record<string, string>>) => number;

/** Prometheus text-format escaping of a label value. */
function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** `a="1",b="2"`: a series' labels as printed, computed once per series. */
export function labelText(labels: Record<string, string>): string {
  let out = "";
  for (const k in labels) out += `${out ? "," : ""}${k}="${escapeLabelValue(labels[k] ?? "")}"`;
  return out;
}

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}\n# TYPE ${name} ${type}\n`;
}

/** One exported sample, in the shape prom-client's registry formats. */
export interface SeriesSample {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

/** What `get()` returns, as prom-client metrics do. */
export interface SeriesSnapshot {
  name: string;
  help: string;
  type: "counter" | "histogram";
  aggregator: "sum";
  values: SeriesSample[];
}

/** A counter keyed by series (see the module comment). */
export class SeriesCounter<L extends string> {
  readonly type = "counter" as const;
  readonly aggregator = "sum" as const;
  private readonly series = new Map<string, { labels: Labels<L>; text: string; shard: number; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[],
    private readonly shardOf?: ShardOf,
  ) {}

  /** Adds `value` to the series `key`; `labels` is only called for a new series. */
  add(key: string, labels: () => Labels<L>, value: number): void {
    const s = this.series.get(key);
    if (s) s.value += value;
    else {
      const l = labels();
      this.series.set(key, { labels: l, text: labelText(l), shard: this.shardOf?.(l) ?? 0, value });
    }
  }

  /**
   * This metric in the Prometheus text format (what the registry would print, much faster): every
   * series, or those of one shard.
   */
  render(shard?: number): string {
    let out = header(this.name, this.help, this.type);
    for (const s of this.series.values()) {
      if (shard === undefined || s.shard === shard) out += `${this.name}{${s.text}} ${s.value}\n`;
    }
    return out;
  }

  async get(): Promise<SeriesSnapshot> {
    const values = [...this.series.values()].map((s) => ({ labels: { ...s.labels }, value: s.value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}

interface HistogramSeries<L extends string> {
  labels: Labels<L>;
  text: string;
  shard: number;
  /** Non-cumulative counts per finite bucket. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/** A histogram keyed by series, with fixed bucket bounds. */
export class SeriesHistogram<L extends string> {
  readonly type = "histogram" as const;
  readonly aggregator = "sum" as const;
  private readonly series = new Map<string, HistogramSeries<L>>();
  private readonly bounds: number[];

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[],
    buckets: readonly number[],
    private readonly shardOf?: ShardOf,
  ) {
    this.bounds = [...buckets].sort((a, b) => a - b);
  }

  observe(key: string, labels: () => Labels<L>, value: number): void {
    let s = this.series.get(key);
    if (!s) {
      const l = labels();
      s = { labels: l, text: labelText(l), shard: this.shardOf?.(l) ?? 0, counts: new Float64Array(this.bounds.length), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    const b = this.bounds;
    for (let i = 0; i < b.length; i++) {
      if (value <= b[i]!) {
        s.counts[i]! += 1;
        break;
      }
    }
    s.sum += value;
    s.count += 1;
  }

  /** This metric in the Prometheus text format, `le` last as Envoy prints it: every series, or one shard's. */
  render(shard?: number): string {
    let out = header(this.name, this.help, this.type);
    const bucket = `${this.name}_bucket{`;
    for (const s of this.series.values()) {
      if (shard !== undefined && s.shard !== shard) continue;
      let acc = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        acc += s.counts[i]!;
        out += `${bucket}${s.text},le="${this.bounds[i]}"} ${acc}\n`;
      }
      out += `${bucket}${s.text},le="+Inf"} ${s.count}\n${this.name}_sum{${s.text}} ${s.sum}\n${this.name}_count{${s.text}} ${s.count}\n`;
    }
    return out;
  }

  async get(): Promise<SeriesSnapshot> {
    const values: SeriesSample[] = [];
    const bucket = `${this.name}_bucket`;
    for (const s of this.series.values()) {
      let acc = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        acc += s.counts[i]!;
        values.push({ labels: { ...s.labels, le: this.bounds[i]! }, value: acc, metricName: bucket });
      }
      values.push({ labels: { ...s.labels, le: "+Inf" }, value: s.count, metricName: bucket });
      values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...s.labels }, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}

/** A collector that can print itself, whole or one shard (see {@link renderRegistry}). */
export interface Renderable {
  render(shard?: number): string;
}
