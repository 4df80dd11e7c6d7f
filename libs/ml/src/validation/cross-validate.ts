import { toMatrix, toVector, type MatrixLike, type VectorLike } from '../data/dense-matrix.js';
import type { Estimator } from '../util/estimator.js';
import { KFold, type FoldSplitter } from './folds.js';

export type Scorer = (yTrue: Float64Array, yPred: Float64Array) => number;

export interface CrossValidateOptions {
  /** Fold generator (default 5-fold KFold without shuffling, as scikit-learn). */
  readonly cv?: FoldSplitter;
  /** Named metrics computed on each test fold from `predict` output. */
  readonly scoring: Readonly<Record<string, Scorer>>;
}

export interface CrossValidateResult {
  readonly folds: Record<string, number>[];
  readonly mean: Record<string, number>;
  /** Population standard deviation over folds. */
  readonly std: Record<string, number>;
}

/**
 * Fits a fresh estimator (from `make`, e.g. a whole pipeline) on each training fold and scores it on
 * the test fold, so nothing learnt from a test fold leaks into its model.
 */
export function crossValidate(
  make: () => Estimator,
  X: MatrixLike,
  y: VectorLike,
  opts: CrossValidateOptions,
): CrossValidateResult {
  const m = toMatrix(X);
  const yv = toVector(y);
  const cv = opts.cv ?? new KFold();
  const folds = cv.split(m.nRows, yv).map(({ train, test }) => {
    const model = make().fit(
      m.selectRows(train),
      Float64Array.from(train, (i) => yv[i]),
    );
    const pred = model.predict(m.selectRows(test));
    const yTest = Float64Array.from(test, (i) => yv[i]);
    const scores: Record<string, number> = {};
    for (const [name, fn] of Object.entries(opts.scoring)) scores[name] = fn(yTest, pred);
    return scores;
  });
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const name of Object.keys(opts.scoring)) {
    const v = folds.map((f) => f[name]);
    const mu = v.reduce((a, b) => a + b, 0) / v.length;
    mean[name] = mu;
    std[name] = Math.sqrt(v.reduce((a, b) => a + (b - mu) ** 2, 0) / v.length);
  }
  return { folds, mean, std };
}
