import { toMatrix, toVector, type MatrixLike, type VectorLike } from '../data/dense-matrix.js';
import { expectNumber } from '../util/codec.js';
import type { Estimator, ModelState } from '../util/estimator.js';
import { centredGram } from './centred-gram.js';
import { centred, choleskySolve, columnMeans, qrLeastSquares } from './dense-linalg.js';
import { LinearPredictor } from './linear-model.js';

/** X and y checked, with the column means of X and the mean of y. */
function withMeans(X: MatrixLike, y: VectorLike) {
  const m = toMatrix(X);
  const yv = toVector(y);
  if (m.nRows !== yv.length) throw new RangeError(`X has ${m.nRows} rows but y has ${yv.length}`);
  let yMean = 0;
  for (const v of yv) yMean += v;
  return { m, yv, xMean: columnMeans(m), yMean: yMean / yv.length };
}

function centredProblem(X: MatrixLike, y: VectorLike) {
  const { m, yv, xMean, yMean } = withMeans(X, y);
  const yc = Float64Array.from(yv, (v) => v - yMean);
  return { a: centred(m, xMean), n: m.nRows, p: m.nCols, xMean, yMean, yc };
}

function interceptOf(xMean: Float64Array, yMean: number, coef: Float64Array): number {
  let s = yMean;
  for (let j = 0; j < coef.length; j++) s -= xMean[j] * coef[j];
  return s;
}

/** Ordinary least squares with intercept, solved by Householder QR of the centred design. */
export class LinearRegression extends LinearPredictor implements Estimator {
  protected readonly kind = 'LinearRegression';

  fit(X: MatrixLike, y: VectorLike): this {
    const { a, n, p, xMean, yMean, yc } = centredProblem(X, y);
    this.coefficients = qrLeastSquares(a, n, p, yc);
    this.interceptValue = interceptOf(xMean, yMean, this.coefficients);
    return this;
  }

  static fromState(state: ModelState): LinearRegression {
    return new LinearRegression().restore(state);
  }
}

export interface RidgeOptions {
  /** L2 penalty weight on the coefficients (default 1, as scikit-learn); the intercept is not penalised. */
  readonly alpha?: number;
}

/** Ridge regression: minimises ||y - Xw - b||² + alpha ||w||², solved by Cholesky. */
export class Ridge extends LinearPredictor implements Estimator {
  protected readonly kind = 'Ridge';
  readonly alpha: number;

  constructor(opts: RidgeOptions = {}) {
    super();
    this.alpha = opts.alpha ?? 1;
  }

  fit(X: MatrixLike, y: VectorLike): this {
    const { m, yv, xMean, yMean } = withMeans(X, y);
    const p = m.nCols;
    const { xtx, xty } = centredGram(m, yv, xMean, yMean);
    for (let j = 0; j < p; j++) xtx[j * p + j] += this.alpha;
    this.coefficients = choleskySolve(xtx, xty, p);
    this.interceptValue = interceptOf(xMean, yMean, this.coefficients);
    return this;
  }

  override toState(): ModelState {
    return { ...super.toState(), alpha: this.alpha };
  }

  static fromState(state: ModelState): Ridge {
    return new Ridge({ alpha: expectNumber(state.alpha) }).restore(state);
  }
}

export { centredProblem, interceptOf };
