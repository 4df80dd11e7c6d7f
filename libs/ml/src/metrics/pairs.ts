/** Observation/prediction pairs with any NaN removed; `skipped` counts the removed pairs. */
export interface Pairs {
  readonly yTrue: Float64Array;
  readonly yPred: Float64Array;
  readonly skipped: number;
}

export function completePairs(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Pairs {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(`yTrue has ${yTrue.length} values but yPred has ${yPred.length}`);
  }
  const n = yTrue.length;
  let keep = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(yTrue[i]) && !Number.isNaN(yPred[i])) keep++;
  const t = new Float64Array(keep);
  const p = new Float64Array(keep);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(yTrue[i]) || Number.isNaN(yPred[i])) continue;
    t[k] = yTrue[i];
    p[k++] = yPred[i];
  }
  return { yTrue: t, yPred: p, skipped: n - keep };
}

export function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/** Population variance (ddof = 0), as numpy and scikit-learn compute it. */
export function variance(a: ArrayLike<number>): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - m) * (a[i] - m);
  return s / a.length;
}
