/** Values of a column without NaN, sorted ascending. */
export function sortedFinite(col: ArrayLike<number>): Float64Array {
  let k = 0;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) if (!Number.isNaN(col[i])) out[k++] = col[i];
  return out.subarray(0, k).sort();
}

/** Quantile with linear interpolation (numpy's default) of sorted values; NaN if empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function nanMean(col: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i])) {
      s += col[i];
      n++;
    }
  }
  return n === 0 ? NaN : s / n;
}

/** Population standard deviation ignoring NaN. */
export function nanStd(col: ArrayLike<number>, mean: number): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i])) {
      s += (col[i] - mean) ** 2;
      n++;
    }
  }
  return n === 0 ? NaN : Math.sqrt(s / n);
}

/** Most frequent non-NaN value; ties go to the smallest value (as scikit-learn). */
export function mostFrequent(col: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i])) counts.set(col[i], (counts.get(col[i]) ?? 0) + 1);
  }
  let best = NaN;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
