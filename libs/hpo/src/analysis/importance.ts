import type { Distribution } from '../core/distributions.js';
import type { FrozenTrial } from '../core/trial-model.js';
import { trialValue } from '../core/trial-model.js';

export interface ImportanceOptions {
  /** Value to explain; defaults to the single objective value. */
  readonly target?: (trial: FrozenTrial) => number;
  /** Parameters to rate; defaults to every parameter seen in COMPLETE trials. */
  readonly params?: readonly string[];
}

/**
 * Parameter importance as a rank-based correlation ratio (epsilon squared, i.e. eta squared corrected for chance), a documented simpler
 * stand-in for fANOVA: the objective is replaced by its rank, each parameter's values are grouped
 * (one group per categorical choice, quantile bins in the modelled - log if log - scale for
 * numbers), and the share of rank variance explained by the groups is computed from the trials that
 * have that parameter. Scores are normalised to sum to 1, largest first.
 */
export function parameterImportance(
  trials: readonly FrozenTrial[],
  options: ImportanceOptions = {},
): Record<string, number> {
  const target = options.target ?? ((t: FrozenTrial) => trialValue(t) ?? NaN);
  const complete = trials.filter((t) => t.state === 'COMPLETE' && !Number.isNaN(target(t)));
  const ranks = rankOf(complete.map(target));
  const names = options.params ?? [...new Set(complete.flatMap((t) => Object.keys(t.params)))];
  const raw: [string, number][] = names.map((name) => {
    const rows = complete
      .map((t, i) => ({ t, rank: ranks[i] }))
      .filter(({ t }) => t.internalParams[name] !== undefined);
    if (rows.length < 2) return [name, 0];
    const dist = rows[rows.length - 1].t.distributions[name];
    const groups = groupKeys(
      rows.map(({ t }) => t.internalParams[name]),
      dist,
    );
    return [
      name,
      correlationRatio(
        groups,
        rows.map((r) => r.rank),
      ),
    ];
  });
  const total = raw.reduce((sum, [, v]) => sum + v, 0);
  raw.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(raw.map(([n, v]) => [n, total > 0 ? v / total : 1 / raw.length]));
}

function rankOf(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  order.forEach(({ i }, r) => (ranks[i] = r));
  return ranks;
}

function groupKeys(values: readonly number[], dist: Distribution): number[] {
  if (dist.kind === 'categorical') return values.map((v) => Math.round(v));
  const scaled = values.map((v) => (dist.log ? Math.log(v) : v));
  const nBins = Math.max(2, Math.min(10, Math.ceil(Math.sqrt(values.length))));
  const sorted = [...scaled].sort((a, b) => a - b);
  const edges = Array.from(
    { length: nBins - 1 },
    (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / nBins)],
  );
  return scaled.map((v) => edges.filter((e) => v >= e).length);
}

function correlationRatio(groups: readonly number[], y: readonly number[]): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const totalSs = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  if (totalSs === 0) return 0;
  const sums = new Map<number, { sum: number; n: number }>();
  groups.forEach((g, i) => {
    const entry = sums.get(g) ?? { sum: 0, n: 0 };
    entry.sum += y[i];
    entry.n += 1;
    sums.set(g, entry);
  });
  let betweenSs = 0;
  for (const { sum, n } of sums.values()) betweenSs += n * (sum / n - mean) ** 2;
  // Epsilon squared: removes the share that k groups explain by chance alone.
  const k = sums.size;
  const n = y.length;
  if (n <= k) return betweenSs / totalSs;
  const withinMs = (totalSs - betweenSs) / (n - k);
  return Math.max(0, (betweenSs - (k - 1) * withinMs) / totalSs);
}
