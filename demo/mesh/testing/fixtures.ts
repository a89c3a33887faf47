/**
 * Reads Istio's metric fixtures (istio-metrics/*.yaml.tmpl beside this file, vendored from istio/proxy): the label names
 * in order, evaluating the Go-template conditionals with every variable unset (so `if` branches are
 * skipped and `else` branches kept, as Istio's tests render them by default).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the fixtures are read from (override with ISTIO_METRIC_FIXTURES). */
export const FIXTURE_DIR = process.env.ISTIO_METRIC_FIXTURES ?? path.join(__dirname, "istio-metrics");

export interface MetricFixture {
  name: string;
  type: string;
  labelNames: string[];
}

/** Name, type and ordered label names of one fixture file. */
export function readFixture(file: string): MetricFixture {
  const text = readFileSync(path.join(FIXTURE_DIR, file), "utf8");
  const frames: Array<{ active: boolean }> = [];
  const labelNames: string[] = [];
  let name = "";
  let type = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (/^\{\{-?\s*if\b/.test(line)) {
      frames.push({ active: false });
      continue;
    }
    if (/^\{\{-?\s*else if\b/.test(line)) {
      if (frames.length) frames[frames.length - 1]!.active = false;
      continue;
    }
    if (/^\{\{-?\s*else\s*-?\}\}/.test(line)) {
      if (frames.length) frames[frames.length - 1]!.active = true;
      continue;
    }
    if (/^\{\{-?\s*end\s*-?\}\}/.test(line)) {
      frames.pop();
      continue;
    }
    if (!frames.every((f) => f.active)) continue;
    const m = /^- name: (\w+)$/.exec(line);
    if (m) labelNames.push(m[1]!);
    const top = /^name: (\w+)$/.exec(raw);
    if (top) name = top[1]!;
    const t = /^type: (\w+)$/.exec(raw);
    if (t) type = t[1]!;
  }
  return { name, type, labelNames };
}
