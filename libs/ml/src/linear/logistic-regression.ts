import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { decodeF64, encodeF64, expectNumber } from '../util/codec.js';
import { NotFittedError, type Classifier, type ModelState } from '../util/estimator.js';
import { encodeLabels } from '../util/labels.js';
import { minimizeLbfgs } from './lbfgs.js';
import { logisticLoss } from './logistic-loss.js';
import { linearScores, softmaxInto } from './scores.js';

export interface LogisticRegressionOptions {
  /** Inverse L2 strength: minimises C·Σ logloss + ½||w||² (default 1, as scikit-learn). */
  readonly C?: number;
  readonly maxIter?: number;
  readonly tol?: number;
}

/**
 * L2-regularised logistic regression by L-BFGS: binomial for two classes, multinomial (softmax)
 * otherwise, with an unpenalised intercept, like scikit-learn's lbfgs solver.
 */
export class LogisticRegression implements Classifier {
  readonly C: number;
  readonly maxIter: number;
  readonly tol: number;
  classes: Float64Array = new Float64Array(0);
  /** Row-major (outputs × (features + 1)); the last entry of each row is the intercept. */
  private params?: Float64Array;
  nIter = 0;

  constructor(opts: LogisticRegressionOptions = {}) {
    this.C = opts.C ?? 1;
    this.maxIter = opts.maxIter ?? 100;
    this.tol = opts.tol ?? 1e-4;
  }

  fit(X: MatrixLike, y: VectorLike): this {
    const m = toMatrix(X);
    const { classes, codes } = encodeLabels(toVector(y));
    if (classes.length < 2) throw new RangeError('LogisticRegression needs at least two classes');
    this.classes = classes;
    const outputs = classes.length === 2 ? 1 : classes.length;
    const loss = logisticLoss(m, codes, outputs, 1 / this.C);
    const res = minimizeLbfgs(loss, new Float64Array(outputs * (m.nCols + 1)), {
      maxIter: this.maxIter,
      tol: this.tol,
    });
    this.params = res.x;
    this.nIter = res.iterations;
    return this;
  }

  /** Coefficients, one row per output (one row in the binary case). */
  get coef(): number[][] {
    const p = this.fitted();
    const w = this.classes.length === 2 ? 1 : this.classes.length;
    const d = p.length / w;
    return Array.from({ length: w }, (_, k) => Array.from(p.subarray(k * d, k * d + d - 1)));
  }

  get intercept(): number[] {
    const p = this.fitted();
    const w = this.classes.length === 2 ? 1 : this.classes.length;
    const d = p.length / w;
    return Array.from({ length: w }, (_, k) => p[k * d + d - 1]);
  }

  predictProba(X: MatrixLike): DenseMatrix {
    const m = toMatrix(X);
    const p = this.fitted();
    const k = this.classes.length;
    const outputs = k === 2 ? 1 : k;
    const d = m.nCols + 1;
    if (p.length !== outputs * d)
      throw new RangeError(`expected ${p.length / outputs - 1} columns, got ${m.nCols}`);
    const z = linearScores(m, p, outputs);
    const out = new Float64Array(m.nRows * k);
    if (k === 2) {
      for (let i = 0; i < m.nRows; i++) {
        const p1 = 1 / (1 + Math.exp(-z[i]));
        out[i] = 1 - p1;
        out[m.nRows + i] = p1;
      }
    } else {
      softmaxInto(z, m.nRows, k, out);
    }
    return new DenseMatrix(m.nRows, k, out);
  }

  predict(X: MatrixLike): Float64Array {
    const P = this.predictProba(X);
    const out = new Float64Array(P.nRows);
    for (let i = 0; i < P.nRows; i++) {
      let best = 0;
      for (let c = 1; c < P.nCols; c++) if (P.get(i, c) > P.get(i, best)) best = c;
      out[i] = this.classes[best];
    }
    return out;
  }

  private fitted(): Float64Array {
    if (!this.params) throw new NotFittedError('LogisticRegression');
    return this.params;
  }

  toState(): ModelState {
    return {
      kind: 'LogisticRegression',
      C: this.C,
      classes: encodeF64(this.classes),
      params: encodeF64(this.fitted()),
    };
  }

  static fromState(state: ModelState): LogisticRegression {
    const lr = new LogisticRegression({ C: expectNumber(state.C) });
    lr.classes = decodeF64(state.classes);
    lr.params = decodeF64(state.params);
    return lr;
  }
}
