import { quantileSorted } from '../util/stats.js';

/** Losses of histogram gradient boosting, named as scikit-learn's. */
export type BoostingLoss = 'squaredError' | 'absoluteError' | 'logLoss';

/**
 * Raw predictions are column-major, `outputs` blocks of n. Gradients and hessians of output k
 * go to g/h (h untouched when the hessian is constant).
 */
export interface LossFunction {
  readonly outputs: number;
  readonly constantHessian: boolean;
  baseline(y: Float64Array): Float64Array;
  gradients(y: Float64Array, raw: Float64Array, k: number, g: Float64Array, h: Float64Array): void;
  /** Mean loss (for early stopping). */
  loss(y: Float64Array, raw: Float64Array): number;
}

export const squaredError: LossFunction = {
  outputs: 1,
  constantHessian: true,
  baseline: (y) => Float64Array.of(y.reduce((a, b) => a + b, 0) / y.length),
  gradients: (y, raw, _k, g) => {
    for (let i = 0; i < y.length; i++) g[i] = raw[i] - y[i];
  },
  loss: (y, raw) => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += 0.5 * (y[i] - raw[i]) ** 2;
    return s / y.length;
  },
};

export const absoluteError: LossFunction = {
  outputs: 1,
  constantHessian: true,
  baseline: (y) => Float64Array.of(quantileSorted(Float64Array.from(y).sort(), 0.5)),
  gradients: (y, raw, _k, g) => {
    for (let i = 0; i < y.length; i++) g[i] = raw[i] > y[i] ? 1 : raw[i] < y[i] ? -1 : 0;
  },
  loss: (y, raw) => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += Math.abs(y[i] - raw[i]);
    return s / y.length;
  },
};

/** Binomial log loss on class codes 0/1; raw is the log-odds. */
export const binaryLogLoss: LossFunction = {
  outputs: 1,
  constantHessian: false,
  baseline: (y) => {
    const p = Math.min(Math.max(y.reduce((a, b) => a + b, 0) / y.length, 1e-15), 1 - 1e-15);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients: (y, raw, _k, g, h) => {
    for (let i = 0; i < y.length; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]));
      g[i] = p - y[i];
      h[i] = p * (1 - p);
    }
  },
  loss: (y, raw) => {
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const z = raw[i];
      s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
    }
    return s / y.length;
  },
};

/** Multinomial log loss on class codes 0..k-1; raw holds one score per class. */
export function multinomialLogLoss(k: number): LossFunction {
  const probaAt = (raw: Float64Array, n: number, i: number, c: number): number => {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, raw[j * n + i]);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(raw[j * n + i] - max);
    return Math.exp(raw[c * n + i] - max) / sum;
  };
  return {
    outputs: k,
    constantHessian: false,
    baseline: (y) => {
      const counts = new Float64Array(k);
      for (const v of y) counts[v]++;
      return counts.map((c) => Math.log(Math.max(c / y.length, 1e-15)));
    },
    gradients: (y, raw, c, g, h) => {
      const n = y.length;
      for (let i = 0; i < n; i++) {
        const p = probaAt(raw, n, i, c);
        g[i] = p - (y[i] === c ? 1 : 0);
        h[i] = p * (1 - p);
      }
    },
    loss: (y, raw) => {
      let s = 0;
      for (let i = 0; i < y.length; i++)
        s -= Math.log(Math.max(probaAt(raw, y.length, i, y[i]), 1e-300));
      return s / y.length;
    },
  };
}
