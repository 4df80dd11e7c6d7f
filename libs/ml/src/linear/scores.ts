import type { DenseMatrix } from '../data/dense-matrix.js';

/** Column-major scores (outputs blocks of n) from row-major params. */
export function linearScores(m: DenseMatrix, params: Float64Array, outputs: number): Float64Array {
  const n = m.nRows;
  const d = m.nCols + 1;
  const z = new Float64Array(n * outputs);
  for (let k = 0; k < outputs; k++) {
    const zk = z.subarray(k * n, (k + 1) * n);
    zk.fill(params[k * d + d - 1]);
    addColumns(m, params.subarray(k * d, k * d + m.nCols), zk);
  }
  return z;
}

/** z += X·w, four columns per pass so z is loaded and stored a quarter as often. */
function addColumns(m: DenseMatrix, w: Float64Array, z: Float64Array): void {
  const n = m.nRows;
  const x = m.data;
  const p = m.nCols;
  let j = 0;
  for (; j + 4 <= p; j += 4) {
    const [w0, w1, w2, w3] = [w[j], w[j + 1], w[j + 2], w[j + 3]];
    const b0 = j * n;
    for (let i = 0; i < n; i++) {
      z[i] += w0 * x[b0 + i] + w1 * x[b0 + n + i] + w2 * x[b0 + 2 * n + i] + w3 * x[b0 + 3 * n + i];
    }
  }
  for (; j < p; j++) {
    const wj = w[j];
    const b = j * n;
    for (let i = 0; i < n; i++) z[i] += wj * x[b + i];
  }
}

/** out[j] = Σ_i r[i]·X[i, j], four columns per pass so r is read a quarter as often. */
export function columnDots(m: DenseMatrix, r: Float64Array, out: Float64Array): void {
  const n = m.nRows;
  const x = m.data;
  const p = m.nCols;
  let j = 0;
  for (; j + 4 <= p; j += 4) {
    const b0 = j * n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < n; i++) {
      const ri = r[i];
      s0 += ri * x[b0 + i];
      s1 += ri * x[b0 + n + i];
      s2 += ri * x[b0 + 2 * n + i];
      s3 += ri * x[b0 + 3 * n + i];
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j < p; j++) {
    let s = 0;
    const b = j * n;
    for (let i = 0; i < n; i++) s += r[i] * x[b + i];
    out[j] = s;
  }
}

/** Row-wise softmax of column-major scores z (k blocks of n) into out (same layout). */
export function softmaxInto(z: Float64Array, n: number, k: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, z[c * n + i]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(z[c * n + i] - max);
    for (let c = 0; c < k; c++) out[c * n + i] = Math.exp(z[c * n + i] - max) / sum;
  }
}
