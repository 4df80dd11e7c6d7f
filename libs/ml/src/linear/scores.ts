import type { DenseMatrix } from '../data/dense-matrix.js';

/** Column-major scores (outputs blocks of n) from row-major params. */
export function linearScores(m: DenseMatrix, params: Float64Array, outputs: number): Float64Array {
  const n = m.nRows;
  const d = m.nCols + 1;
  const z = new Float64Array(n * outputs);
  for (let k = 0; k < outputs; k++) {
    const zk = z.subarray(k * n, (k + 1) * n);
    zk.fill(params[k * d + d - 1]);
    for (let j = 0; j < m.nCols; j++) {
      const w = params[k * d + j];
      const base = j * n;
      for (let i = 0; i < n; i++) zk[i] += w * m.data[base + i];
    }
  }
  return z;
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
