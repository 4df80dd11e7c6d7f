import type { DenseMatrix } from '../data/dense-matrix.js';

/** Column means of X. */
export function columnMeans(X: DenseMatrix): Float64Array {
  const out = new Float64Array(X.nCols);
  for (let j = 0; j < X.nCols; j++) {
    const base = j * X.nRows;
    let s = 0;
    for (let i = 0; i < X.nRows; i++) s += X.data[base + i];
    out[j] = s / X.nRows;
  }
  return out;
}

/** Column-major copy of X with each column centred on `means`. */
export function centred(X: DenseMatrix, means: Float64Array): Float64Array {
  const out = new Float64Array(X.data.length);
  for (let j = 0; j < X.nCols; j++) {
    const base = j * X.nRows;
    const m = means[j];
    for (let i = 0; i < X.nRows; i++) out[base + i] = X.data[base + i] - m;
  }
  return out;
}

/** Solves G x = b for symmetric positive definite G (row-major p×p) by Cholesky. */
export function choleskySolve(g: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = g[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (s <= 0) throw new RangeError('matrix is not positive definite');
        l[i * p + i] = Math.sqrt(s);
      } else {
        l[i * p + j] = s / l[j * p + j];
      }
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * z[k];
    z[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/**
 * Least squares min ||A x - y|| by Householder QR of column-major A (n×p, n ≥ p), overwriting A and
 * a copy of y. Columns whose remaining norm is negligible (rank deficiency) get coefficient 0.
 */
export function qrLeastSquares(
  a: Float64Array,
  n: number,
  p: number,
  y: ArrayLike<number>,
): Float64Array {
  const r = Float64Array.from(y);
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const b = k * n;
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[b + i] * a[b + i];
    norm = Math.sqrt(norm);
    const alpha = a[b + k] > 0 ? -norm : norm;
    diag[k] = alpha;
    if (norm === 0) continue;
    a[b + k] -= alpha;
    let vnorm2 = 0;
    for (let i = k; i < n; i++) vnorm2 += a[b + i] * a[b + i];
    if (vnorm2 === 0) continue;
    for (let j = k + 1; j < p; j++) reflect(a, b, j * n, k, n, vnorm2, a);
    reflect(a, b, 0, k, n, vnorm2, r);
  }
  return backSubstitute(a, n, p, diag, r);
}

/** Applies I - 2vvᵀ/|v|² (v = a[b+k..b+n)) to target[t+k..t+n). */
function reflect(
  a: Float64Array,
  b: number,
  t: number,
  k: number,
  n: number,
  vnorm2: number,
  target: Float64Array,
): void {
  let dot = 0;
  for (let i = k; i < n; i++) dot += a[b + i] * target[t + i];
  const f = (2 * dot) / vnorm2;
  for (let i = k; i < n; i++) target[t + i] -= f * a[b + i];
}

function backSubstitute(
  a: Float64Array,
  n: number,
  p: number,
  diag: Float64Array,
  r: Float64Array,
): Float64Array {
  const x = new Float64Array(p);
  const scale = Math.max(...Array.from(diag, Math.abs), 0);
  for (let k = p - 1; k >= 0; k--) {
    if (Math.abs(diag[k]) <= scale * 1e-12) continue;
    let s = r[k];
    for (let j = k + 1; j < p; j++) s -= a[j * n + k] * x[j];
    x[k] = s / diag[k];
  }
  return x;
}
