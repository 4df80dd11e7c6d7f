import type { DenseMatrix, MatrixLike, VectorLike } from '../data/dense-matrix.js';

/** JSON-compatible value; fitted state is made of these so models serialise losslessly. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Serialisable fitted state of an estimator or transformer; `kind` selects the loader. */
export interface ModelState {
  readonly kind: string;
  readonly [key: string]: Json;
}

/**
 * Called by the tree ensembles as a fit advances: `done` of `total` trees (boosting: iterations;
 * an early stop ends below `total`). It only observes; an exception thrown from it aborts the fit.
 */
export type FitProgress = (done: number, total: number) => void;

/** Optional extras for `fit`; estimators that cannot use them ignore them. */
export interface FitOptions {
  readonly onProgress?: FitProgress;
}

export interface Estimator {
  fit(X: MatrixLike, y: VectorLike, options?: FitOptions): this;
  predict(X: MatrixLike): Float64Array;
  toState(): ModelState;
}

export interface Classifier extends Estimator {
  /** Sorted distinct labels seen in fit; column c of predictProba is classes[c]. */
  readonly classes: Float64Array;
  predictProba(X: MatrixLike): DenseMatrix;
}

/** Fit on training data only, apply anywhere. */
export interface Transformer {
  fit(X: DenseMatrix, y?: Float64Array): this;
  transform(X: DenseMatrix): DenseMatrix;
  /** Fit then transform the training data; may differ from fit().transform() (cross-fitting). */
  fitTransform?(X: DenseMatrix, y?: Float64Array): DenseMatrix;
  toState(): ModelState;
}

/** Training-time output of a transformer, using its own fitTransform when it has one. */
export function fitTransform(t: Transformer, X: DenseMatrix, y?: Float64Array): DenseMatrix {
  return t.fitTransform ? t.fitTransform(X, y) : t.fit(X, y).transform(X);
}

export class NotFittedError extends Error {
  constructor(what: string) {
    super(`${what} is not fitted: call fit() first`);
    this.name = 'NotFittedError';
  }
}

export function isClassifier(e: Estimator): e is Classifier {
  return typeof (e as Partial<Classifier>).predictProba === 'function';
}
