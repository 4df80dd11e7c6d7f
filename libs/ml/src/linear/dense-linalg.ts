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

const ROW_BLOCK = 2048;

/**
 * Gram matrix AᵀA (p×p, row-major) of column-major A (n×p). Rows are processed in blocks that stay
 * in cache while every column pair is accumulated, two columns against two at a time.
 */
export function gram(a: Float64Array, n: number, p: number): Float64Array {
  const g = new Float64Array(p * p);
  for (let s = 0; s < n; s += ROW_BLOCK) {
    const e = Math.min(s + ROW_BLOCK, n);
    for (let j = 0; j < p; j += 2) {
      const j2 = Math.min(j + 1, p - 1);
      for (let k = j; k < p; k += 2) {
        const k2 = Math.min(k + 1, p - 1);
        accumulatePairs(a, n, s, e, [j, j2, k, k2], g, p);
      }
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[j * p + k] = g[k * p + j];
  return g;
}

/** Adds the dot products of columns (j, j2) × (k, k2) over rows [s, e) to the upper triangle of g. */
function accumulatePairs(
  a: Float64Array,
  n: number,
  s: number,
  e: number,
  [j, j2, k, k2]: readonly [number, number, number, number],
  g: Float64Array,
  p: number,
): void {
  let s00 = 0;
  let s01 = 0;
  let s10 = 0;
  let s11 = 0;
  const bj = j * n;
  const bj2 = j2 * n;
  const bk = k * n;
  const bk2 = k2 * n;
  for (let i = s; i < e; i++) {
    const x0 = a[bj + i];
    const x1 = a[bj2 + i];
    const y0 = a[bk + i];
    const y1 = a[bk2 + i];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s10 += x1 * y0;
    s11 += x1 * y1;
  }
  g[j * p + k] += s00;
  if (k2 !== k) g[j * p + k2] += s01;
  if (j2 !== j && k >= j2) g[j2 * p + k] += s10;
  if (j2 !== j && k2 !== k) g[j2 * p + k2] += s11;
}

/** Aᵀv for column-major A (n×p). */
export function transposeTimes(
  a: Float64Array,
  n: number,
  p: number,
  v: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    const b = j * n;
    for (let i = 0; i < n; i++) s += a[b + i] * v[i];
    out[j] = s;
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
