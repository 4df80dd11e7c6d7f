import type { MatrixLike, VectorLike } from '../data/dense-matrix.js';
import { expectNumber } from '../util/codec.js';
import type { Estimator, ModelState } from '../util/estimator.js';
import { LinearPredictor } from './linear-model.js';
import { centredProblem, interceptOf } from './linear-regression.js';

export interface ElasticNetOptions {
  /** Overall penalty (default 1). */
  readonly alpha?: number;
  /** Share of L1 in the penalty: 1 is the lasso, 0 ridge (default 0.5). */
  readonly l1Ratio?: number;
  readonly maxIter?: number;
  readonly tol?: number;
}

interface CdProblem {
  a: Float64Array;
  n: number;
  p: number;
  y: Float64Array;
  l1: number;
  l2: number;
}

/**
 * Minimises 1/(2n)||y - Xw - b||² + alpha·l1Ratio·||w||₁ + alpha·(1-l1Ratio)/2·||w||² by cyclic
 * coordinate descent, stopping on scikit-learn's duality-gap criterion.
 */
export class ElasticNet extends LinearPredictor implements Estimator {
  protected readonly kind: string = 'ElasticNet';
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly maxIter: number;
  readonly tol: number;
  /** Sweeps used by the last fit. */
  nIter = 0;

  constructor(opts: ElasticNetOptions = {}) {
    super();
    this.alpha = opts.alpha ?? 1;
    this.l1Ratio = opts.l1Ratio ?? 0.5;
    this.maxIter = opts.maxIter ?? 1000;
    this.tol = opts.tol ?? 1e-4;
  }

  fit(X: MatrixLike, y: VectorLike): this {
    const { a, n, p, xMean, yMean, yc } = centredProblem(X, y);
    const prob: CdProblem = {
      a,
      n,
      p,
      y: yc,
      l1: this.alpha * this.l1Ratio * n,
      l2: this.alpha * (1 - this.l1Ratio) * n,
    };
    this.coefficients = this.descend(prob);
    this.interceptValue = interceptOf(xMean, yMean, this.coefficients);
    return this;
  }

  private descend(prob: CdProblem): Float64Array {
    const { a, n, p, y, l1, l2 } = prob;
    const w = new Float64Array(p);
    const r = Float64Array.from(y);
    const norms = new Float64Array(p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) norms[j] += a[j * n + i] ** 2;
    const tolScaled = this.tol * y.reduce((s, v) => s + v * v, 0);
    for (this.nIter = 1; this.nIter <= this.maxIter; this.nIter++) {
      let maxDelta = 0;
      let maxW = 0;
      for (let j = 0; j < p; j++) {
        if (norms[j] === 0) continue;
        const b = j * n;
        const old = w[j];
        let rho = 0;
        for (let i = 0; i < n; i++) rho += a[b + i] * r[i];
        rho += norms[j] * old;
        const next = (Math.sign(rho) * Math.max(Math.abs(rho) - l1, 0)) / (norms[j] + l2);
        if (next !== old) for (let i = 0; i < n; i++) r[i] -= a[b + i] * (next - old);
        w[j] = next;
        maxDelta = Math.max(maxDelta, Math.abs(next - old));
        maxW = Math.max(maxW, Math.abs(next));
      }
      const done = maxW === 0 || maxDelta / maxW < this.tol || this.nIter === this.maxIter;
      if (done && dualityGap(prob, w, r) < tolScaled) break;
    }
    return w;
  }

  override toState(): ModelState {
    return { ...super.toState(), alpha: this.alpha, l1Ratio: this.l1Ratio };
  }

  static fromState(state: ModelState): ElasticNet {
    const opts = { alpha: expectNumber(state.alpha), l1Ratio: expectNumber(state.l1Ratio) };
    return new ElasticNet(opts).restore(state);
  }
}

function dualityGap(prob: CdProblem, w: Float64Array, r: Float64Array): number {
  const { a, n, p, y, l1, l2 } = prob;
  let dualNorm = 0;
  let wNorm2 = 0;
  let l1Norm = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[j * n + i] * r[i];
    dualNorm = Math.max(dualNorm, Math.abs(s - l2 * w[j]));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  let rNorm2 = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rNorm2 += r[i] * r[i];
    ry += r[i] * y[i];
  }
  let scale = 1;
  let gap = rNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + l1 * l1Norm - scale * ry + 0.5 * l2 * (1 + scale * scale) * wNorm2;
}

export interface LassoOptions {
  readonly alpha?: number;
  readonly maxIter?: number;
  readonly tol?: number;
}

/** ElasticNet with l1Ratio = 1. */
export class Lasso extends ElasticNet {
  protected override readonly kind: string = 'Lasso';
  constructor(opts: LassoOptions = {}) {
    super({ ...opts, l1Ratio: 1 });
  }

  static override fromState(state: ModelState): Lasso {
    return new Lasso({ alpha: expectNumber(state.alpha) }).restore(state);
  }
}
