import type { DenseMatrix } from '../data/dense-matrix.js';
import type { Objective } from './lbfgs.js';
import { columnDots, linearScores, softmaxInto } from './scores.js';

/**
 * Σ cross-entropy + lambda/2·||w||² (intercepts unpenalised) and its gradient, for `outputs` = 1
 * (binomial, classes coded 0/1) or k (multinomial).
 */
export function logisticLoss(
  m: DenseMatrix,
  codes: Int32Array,
  outputs: number,
  lambda: number,
): Objective {
  const n = m.nRows;
  const d = m.nCols + 1;
  const resid = new Float64Array(n * outputs);
  const dots = new Float64Array(m.nCols);
  return (params, grad) => {
    const z = linearScores(m, params, outputs);
    let loss = outputs === 1 ? binomial(z, codes, resid) : multinomial(z, codes, n, outputs, resid);
    for (let k = 0; k < outputs; k++) {
      const r = resid.subarray(k * n, (k + 1) * n);
      columnDots(m, r, dots);
      for (let j = 0; j < m.nCols; j++) {
        const w = params[k * d + j];
        grad[k * d + j] = dots[j] + lambda * w;
        loss += 0.5 * lambda * w * w;
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += r[i];
      grad[k * d + d - 1] = s;
    }
    return loss;
  };
}

function binomial(z: Float64Array, codes: Int32Array, resid: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < z.length; i++) {
    const zi = z[i];
    // one exp per row: e = exp(-|z|) gives both log(1 + e^z) and the sigmoid stably
    const e = Math.exp(-Math.abs(zi));
    loss += (zi > 0 ? zi : 0) + Math.log1p(e) - codes[i] * zi;
    resid[i] = (zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - codes[i];
  }
  return loss;
}

function multinomial(
  z: Float64Array,
  codes: Int32Array,
  n: number,
  k: number,
  resid: Float64Array,
): number {
  softmaxInto(z, n, k, resid);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    loss -= Math.log(Math.max(resid[c * n + i], 1e-300));
    resid[c * n + i] -= 1;
  }
  return loss;
}
