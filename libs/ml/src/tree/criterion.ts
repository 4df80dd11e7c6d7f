/** Split quality measures of CART trees. */
export type Criterion = 'gini' | 'entropy' | 'squaredError';

/**
 * Node statistics are vectors with the count at offset 0, then either the class counts
 * (classification) or the sum and the sum of squares of y (regression).
 */
export function statWidth(criterion: Criterion, nClasses: number): number {
  return criterion === 'squaredError' ? 3 : nClasses + 1;
}

/**
 * A score that, summed over the two children, ranks splits exactly as the impurity decrease does
 * (larger is better): sum²/n for squared error, Σc²/n for Gini, Σc·ln(c/n) for entropy.
 */
export function proxy(criterion: Criterion, s: Float64Array, off: number, width: number): number {
  const n = s[off];
  if (n <= 0) return 0;
  switch (criterion) {
    case 'squaredError':
      return (s[off + 1] * s[off + 1]) / n;
    case 'gini': {
      let q = 0;
      for (let c = 1; c < width; c++) q += s[off + c] * s[off + c];
      return q / n;
    }
    case 'entropy': {
      let q = 0;
      for (let c = 1; c < width; c++)
        if (s[off + c] > 0) q += s[off + c] * Math.log(s[off + c] / n);
      return q;
    }
  }
}

/** Impurity of a node: variance, Gini index or entropy (nats). */
export function impurity(
  criterion: Criterion,
  s: Float64Array,
  off: number,
  width: number,
): number {
  const n = s[off];
  if (n <= 0) return 0;
  switch (criterion) {
    case 'squaredError': {
      const m = s[off + 1] / n;
      return Math.max(0, s[off + 2] / n - m * m);
    }
    case 'gini': {
      let q = 0;
      for (let c = 1; c < width; c++) q += (s[off + c] / n) ** 2;
      return 1 - q;
    }
    case 'entropy': {
      let h = 0;
      for (let c = 1; c < width; c++)
        if (s[off + c] > 0) h -= (s[off + c] / n) * Math.log(s[off + c] / n);
      return h;
    }
  }
}

/** Leaf output: the mean (regression) or class fractions (classification). */
export function leafValue(criterion: Criterion, s: Float64Array, width: number): Float64Array {
  const n = s[0];
  if (criterion === 'squaredError') return Float64Array.of(s[1] / n);
  const out = new Float64Array(width - 1);
  for (let c = 1; c < width; c++) out[c - 1] = s[c] / n;
  return out;
}
