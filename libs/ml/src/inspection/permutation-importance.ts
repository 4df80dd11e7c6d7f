import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import type { Estimator } from '../util/estimator.js';
import { Random } from '../util/random.js';

export interface PermutationImportanceOptions {
  /** Score where larger is better, e.g. metrics.r2 or metrics.accuracy. */
  readonly scoring: (yTrue: Float64Array, yPred: Float64Array) => number;
  readonly nRepeats?: number;
  readonly seed?: number;
}

export interface PermutationImportance {
  /** Mean drop in score when the column is shuffled, per column. */
  readonly importancesMean: Float64Array;
  readonly importancesStd: Float64Array;
  /** importances[j][r]: drop for column j in repeat r. */
  readonly importances: Float64Array[];
  readonly baselineScore: number;
}

/** Model-agnostic importance: how much the score drops when one column's values are shuffled. */
export function permutationImportance(
  model: Estimator,
  X: MatrixLike,
  y: VectorLike,
  opts: PermutationImportanceOptions,
): PermutationImportance {
  const m = toMatrix(X);
  const yv = toVector(y);
  const nRepeats = opts.nRepeats ?? 5;
  const rng = new Random(opts.seed ?? 0);
  const baselineScore = opts.scoring(yv, model.predict(m));
  const importances: Float64Array[] = [];
  const work = Float64Array.from(m.data);
  const shuffled = new DenseMatrix(m.nRows, m.nCols, work, m.columns);
  for (let j = 0; j < m.nCols; j++) {
    const drops = new Float64Array(nRepeats);
    const col = m.column(j);
    for (let r = 0; r < nRepeats; r++) {
      const perm = rng.permutation(m.nRows);
      for (let i = 0; i < m.nRows; i++) work[j * m.nRows + i] = col[perm[i]];
      drops[r] = baselineScore - opts.scoring(yv, model.predict(shuffled));
    }
    work.set(col, j * m.nRows);
    importances.push(drops);
  }
  const importancesMean = Float64Array.from(
    importances,
    (d) => d.reduce((a, b) => a + b, 0) / d.length,
  );
  const importancesStd = Float64Array.from(importances, (d, j) =>
    Math.sqrt(d.reduce((a, b) => a + (b - importancesMean[j]) ** 2, 0) / d.length),
  );
  return { importancesMean, importancesStd, importances, baselineScore };
}
