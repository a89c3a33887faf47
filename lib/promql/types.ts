/** One element of an instant vector: its labels and its value (NaN and ±Inf kept as numbers). */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/** One series of a range query: its labels and its points in time order. */
export interface PromSeries {
  metric: Record<string, string>;
  /** `[unix seconds, value]` pairs. */
  points: Array<[number, number]>;
}

/** A PromQL query the console issues, with a short stable name for stats and metrics. */
export interface NamedQuery<N extends string = string> {
  name: N;
  query: string;
}
