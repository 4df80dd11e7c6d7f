import { toMatrix, type DenseMatrix, type MatrixLike } from '../data/dense-matrix.js';
import { decodeF64, encodeF64, expectNumber } from '../util/codec.js';
import { NotFittedError, type ModelState } from '../util/estimator.js';

/** Fitted coefficients and intercept of a linear predictor y = X·coef + intercept. */
export abstract class LinearPredictor {
  protected coefficients?: Float64Array;
  protected interceptValue = 0;
  protected abstract readonly kind: string;

  get coef(): Float64Array {
    if (!this.coefficients) throw new NotFittedError(this.kind);
    return this.coefficients.slice();
  }

  get intercept(): number {
    return this.interceptValue;
  }

  predict(X: MatrixLike): Float64Array {
    const m = toMatrix(X);
    return linearCombination(m, this.coef, this.interceptValue);
  }

  toState(): ModelState {
    return { kind: this.kind, coef: encodeF64(this.coef), intercept: this.interceptValue };
  }

  protected restore(state: ModelState): this {
    this.coefficients = decodeF64(state.coef);
    this.interceptValue = expectNumber(state.intercept);
    return this;
  }
}

export function linearCombination(
  X: DenseMatrix,
  coef: Float64Array,
  intercept: number,
): Float64Array {
  if (coef.length !== X.nCols)
    throw new RangeError(`expected ${coef.length} columns, got ${X.nCols}`);
  const out = new Float64Array(X.nRows).fill(intercept);
  for (let j = 0; j < X.nCols; j++) {
    const c = coef[j];
    if (c === 0) continue;
    const base = j * X.nRows;
    for (let i = 0; i < X.nRows; i++) out[i] += c * X.data[base + i];
  }
  return out;
}
