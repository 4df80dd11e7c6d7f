import type { DenseMatrix } from '../data/dense-matrix.js';

/** Rows per block: the centred block (columns padded to a multiple of 4) stays in the L2 cache. */
const BLOCK = 1024;

export interface CentredGram {
  /** (X - mean)ᵀ(X - mean), p × p row-major. */
  readonly xtx: Float64Array;
  /** (X - mean)ᵀ(y - mean y). */
  readonly xty: Float64Array;
}

/**
 * Gram matrix of the centred design and its product with the centred target, in one pass over X
 * without a centred copy of it: each block of rows is centred into a small scratch (zero columns up
 * to a multiple of 4), then every pair of columns (j, k >= j, by 2 × 4 tiles) and every column's
 * product with the centred y are accumulated.
 */
export function centredGram(
  X: DenseMatrix,
  y: ArrayLike<number>,
  xMean: Float64Array,
  yMean: number,
): CentredGram {
  const n = X.nRows;
  const p = X.nCols;
  const q = Math.max(4, Math.ceil(p / 4) * 4);
  const scratch = new Float64Array((q + 1) * BLOCK);
  const g = new Float64Array(q * q);
  const xty = new Float64Array(p);
  for (let s = 0; s < n; s += BLOCK) {
    const len = Math.min(BLOCK, n - s);
    centreBlock(X, y, xMean, yMean, s, len, scratch, q);
    for (let j = 0; j < p; j++) xty[j] += dot(scratch, j * BLOCK, q * BLOCK, len);
    for (let j = 0; j < q; j += 2) {
      for (let k = j - (j % 4); k < q; k += 4) tile(scratch, len, j, k, g, q);
    }
  }
  const xtx = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) xtx[j * p + k] = xtx[k * p + j] = g[j * q + k];
  }
  return { xtx, xty };
}

/** Copies rows [s, s + len) of X - mean into scratch (column c at c × BLOCK), y - yMean at q. */
function centreBlock(
  X: DenseMatrix,
  y: ArrayLike<number>,
  xMean: Float64Array,
  yMean: number,
  s: number,
  len: number,
  scratch: Float64Array,
  q: number,
): void {
  const { nRows: n, nCols: p, data } = X;
  for (let j = 0; j < p; j++) {
    const m = xMean[j];
    const src = j * n + s;
    const dst = j * BLOCK;
    for (let i = 0; i < len; i++) scratch[dst + i] = data[src + i] - m;
  }
  const dst = q * BLOCK;
  for (let i = 0; i < len; i++) scratch[dst + i] = y[s + i] - yMean;
}

function dot(a: Float64Array, u: number, v: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    s0 += a[u + i] * a[v + i];
    s1 += a[u + i + 1] * a[v + i + 1];
  }
  if (i < len) s0 += a[u + i] * a[v + i];
  return s0 + s1;
}

/** Adds the dot products of columns j, j+1 with k..k+3 over `len` rows to g (q × q). */
function tile(
  a: Float64Array,
  len: number,
  j: number,
  k: number,
  g: Float64Array,
  q: number,
): void {
  const a0 = j * BLOCK;
  const a1 = a0 + BLOCK;
  const b0 = k * BLOCK;
  const b1 = b0 + BLOCK;
  const b2 = b1 + BLOCK;
  const b3 = b2 + BLOCK;
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s03 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  for (let i = 0; i < len; i++) {
    const x0 = a[a0 + i];
    const x1 = a[a1 + i];
    const y0 = a[b0 + i];
    const y1 = a[b1 + i];
    const y2 = a[b2 + i];
    const y3 = a[b3 + i];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s02 += x0 * y2;
    s03 += x0 * y3;
    s10 += x1 * y0;
    s11 += x1 * y1;
    s12 += x1 * y2;
    s13 += x1 * y3;
  }
  const r0 = j * q + k;
  const r1 = r0 + q;
  g[r0] += s00;
  g[r0 + 1] += s01;
  g[r0 + 2] += s02;
  g[r0 + 3] += s03;
  g[r1] += s10;
  g[r1 + 1] += s11;
  g[r1 + 2] += s12;
  g[r1 + 3] += s13;
}
