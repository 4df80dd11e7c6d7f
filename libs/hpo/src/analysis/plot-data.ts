import type { ParamValue } from '../core/distributions.js';
import type { FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';
import { trialValue } from '../core/trial-model.js';

export interface HistoryPoint {
  readonly number: number;
  readonly value: number;
  /** Best value among COMPLETE trials up to and including this one. */
  readonly best: number;
}

export interface ParamPoint {
  readonly number: number;
  readonly value: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

const completeWithValue = (trials: readonly FrozenTrial[], target: Target) =>
  trials
    .filter((t) => t.state === 'COMPLETE' && !Number.isNaN(target(t)))
    .sort((a, b) => a.number - b.number);

export type Target = (trial: FrozenTrial) => number;
const singleValue: Target = (t) => trialValue(t) ?? NaN;

/** Data of an optimisation-history plot: each COMPLETE trial's value and the best so far. */
export function optimizationHistory(
  trials: readonly FrozenTrial[],
  direction: StudyDirection = 'minimize',
  target: Target = singleValue,
): HistoryPoint[] {
  let best = direction === 'minimize' ? Infinity : -Infinity;
  return completeWithValue(trials, target).map((t) => {
    const value = target(t);
    best = direction === 'minimize' ? Math.min(best, value) : Math.max(best, value);
    return { number: t.number, value, best };
  });
}

/** Rows of a parallel-coordinates plot (also the points of slice plots). */
export function parallelCoordinates(
  trials: readonly FrozenTrial[],
  target: Target = singleValue,
): { readonly params: string[]; readonly rows: ParamPoint[] } {
  const rows = completeWithValue(trials, target).map((t) => ({
    number: t.number,
    value: target(t),
    params: t.params,
  }));
  const params = [...new Set(rows.flatMap((r) => Object.keys(r.params)))].sort();
  return { params, rows };
}

/** Per parameter, the (parameter value, objective value) points of a slice plot. */
export function sliceData(
  trials: readonly FrozenTrial[],
  target: Target = singleValue,
): Record<string, { number: number; x: ParamValue; value: number }[]> {
  const out: Record<string, { number: number; x: ParamValue; value: number }[]> = {};
  for (const row of parallelCoordinates(trials, target).rows) {
    for (const [name, x] of Object.entries(row.params)) {
      (out[name] ??= []).push({ number: row.number, x, value: row.value });
    }
  }
  return out;
}

/** Points of a contour plot over two parameters (trials having both). */
export function contourData(
  trials: readonly FrozenTrial[],
  xParam: string,
  yParam: string,
  target: Target = singleValue,
): { x: ParamValue[]; y: ParamValue[]; z: number[] } {
  const result = { x: [] as ParamValue[], y: [] as ParamValue[], z: [] as number[] };
  for (const t of completeWithValue(trials, target)) {
    if (!(xParam in t.params) || !(yParam in t.params)) continue;
    result.x.push(t.params[xParam]);
    result.y.push(t.params[yParam]);
    result.z.push(target(t));
  }
  return result;
}

/** Learning curves of every trial that reported intermediate values. */
export function intermediateValues(
  trials: readonly FrozenTrial[],
): { number: number; state: TrialState; steps: [number, number][] }[] {
  return trials
    .filter((t) => t.intermediateValues.size > 0)
    .map((t) => ({
      number: t.number,
      state: t.state,
      steps: [...t.intermediateValues.entries()].sort((a, b) => a[0] - b[0]),
    }));
}
