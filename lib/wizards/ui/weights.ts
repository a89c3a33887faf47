/**
 * Canary weights as the traffic-shifting editor handles them: whole numbers that always sum to 100.
 * Moving one version's weight hands the difference to the other unlocked versions in proportion to
 * what they had (equally when they all had 0), so the total never leaves 100 while a slider moves.
 */

/** One version's share of the traffic (a VirtualService route weight). */
export interface VersionWeight {
  version: string;
  weight: number;
}

const sum = (ws: readonly number[]): number => ws.reduce((s, w) => s + w, 0);

/**
 * Splits `total` (a whole number) into whole numbers proportional to `shares` (largest remainder
 * method; ties go to the earlier entry). All-zero shares split equally.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  if (shares.length === 0) return [];
  const base = sum(shares) > 0 ? shares : shares.map(() => 1);
  const whole = sum(base);
  const exact = base.map((s) => (s * total) / whole);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  let left = total - sum(out);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** The highest weight `version` can take with `locked` versions kept as they are. */
export function maxWeight(weights: readonly VersionWeight[], version: string, locked: ReadonlySet<string>): number {
  const others = weights.filter((w) => w.version !== version);
  const lockedSum = sum(others.filter((w) => locked.has(w.version)).map((w) => w.weight));
  // Nobody unlocked to give to or take from: the weight cannot move.
  if (others.every((w) => locked.has(w.version))) return weights.find((w) => w.version === version)?.weight ?? 0;
  return Math.max(0, 100 - lockedSum);
}

/** The lowest weight `version` can take (above 0 only when every other version is locked). */
export function minWeight(weights: readonly VersionWeight[], version: string, locked: ReadonlySet<string>): number {
  const others = weights.filter((w) => w.version !== version);
  if (others.every((w) => locked.has(w.version))) return weights.find((w) => w.version === version)?.weight ?? 0;
  return 0;
}

/**
 * Sets `version` to `value` (rounded, clamped to what the locked versions leave) and redistributes
 * the rest among the other unlocked versions in proportion to their weights. Locked versions never
 * change; a locked `version` is not moved at all. Expects weights summing to 100.
 */
export function rebalance(weights: readonly VersionWeight[], version: string, value: number, locked: ReadonlySet<string> = new Set()): VersionWeight[] {
  if (locked.has(version) || !weights.some((w) => w.version === version) || !Number.isFinite(value)) return weights.map((w) => ({ ...w }));
  const lo = minWeight(weights, version, locked);
  const hi = maxWeight(weights, version, locked);
  const target = Math.min(hi, Math.max(lo, Math.round(value)));
  const free = weights.filter((w) => w.version !== version && !locked.has(w.version));
  const lockedSum = sum(weights.filter((w) => w.version !== version && locked.has(w.version)).map((w) => w.weight));
  const shares = apportion(100 - lockedSum - target, free.map((w) => w.weight));
  const given = new Map(free.map((w, i) => [w.version, shares[i] ?? 0]));
  return weights.map((w) => ({ version: w.version, weight: w.version === version ? target : (given.get(w.version) ?? w.weight) }));
}

/** 100% to `version`, 0 to every other (locks do not hold against a promotion). */
export function promote(weights: readonly VersionWeight[], version: string): VersionWeight[] {
  return weights.map((w) => ({ version: w.version, weight: w.version === version ? 100 : 0 }));
}

/** 100 split as evenly as whole numbers allow, the earlier versions getting the remainder. */
export function equalSplit(versions: readonly string[]): VersionWeight[] {
  const shares = apportion(100, versions.map(() => 1));
  return versions.map((version, i) => ({ version, weight: shares[i] ?? 0 }));
}

/**
 * The weights the editor starts from: those in force (`current`, from the service's VirtualService),
 * with 0 for versions it does not route to; an equal split when nothing routes by weight yet (one
 * version then simply gets 100). Versions appear in `versions` order, then any only `current` names.
 */
export function initialWeights(versions: readonly string[], current: readonly VersionWeight[] | null): VersionWeight[] {
  if (!current || current.length === 0 || sum(current.map((c) => c.weight)) !== 100) return equalSplit(versions);
  const extra = current.map((c) => c.version).filter((v) => !versions.includes(v));
  return [...versions, ...extra].map((version) => ({ version, weight: current.find((c) => c.version === version)?.weight ?? 0 }));
}

/** True when both lists give every version the same weight (order ignored; absent = 0). */
export function sameWeights(a: readonly VersionWeight[], b: readonly VersionWeight[]): boolean {
  const versions = new Set([...a, ...b].map((w) => w.version));
  const of = (ws: readonly VersionWeight[], v: string) => ws.find((w) => w.version === v)?.weight ?? 0;
  return [...versions].every((v) => of(a, v) === of(b, v));
}
