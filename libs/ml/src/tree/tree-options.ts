import { toMatrix, type DenseMatrix, type MatrixLike } from '../data/dense-matrix.js';
import { BinMapper } from './bin-mapper.js';
import type { CartTask } from './cart-grower.js';
import type { Criterion } from './criterion.js';

/** Features tried per split: a count (> 1), a fraction (≤ 1), 'sqrt', 'log2' or null for all. */
export type MaxFeatures = number | 'sqrt' | 'log2' | null;

export interface TreeOptions {
  readonly maxDepth?: number | null;
  readonly minSamplesSplit?: number;
  readonly minSamplesLeaf?: number;
  readonly maxFeatures?: MaxFeatures;
  /** Bins per feature used to find split candidates (≤ 255). */
  readonly maxBins?: number;
  readonly seed?: number;
}

export function resolveMaxFeatures(m: MaxFeatures | undefined, p: number): number {
  if (m === null || m === undefined) return p;
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(p)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(p)));
  if (m <= 0) throw new RangeError('maxFeatures must be positive');
  return m <= 1 ? Math.max(1, Math.floor(m * p)) : Math.min(p, Math.floor(m));
}

/** Bins X and assembles the CART task for targets already coded (class codes or values). */
export function makeCartTask(
  X: MatrixLike,
  target: Float64Array,
  nClasses: number,
  criterion: Criterion,
  opts: TreeOptions,
  defaultMaxFeatures: MaxFeatures,
): { task: CartTask; matrix: DenseMatrix; bins: BinMapper } {
  const matrix = toMatrix(X);
  if (matrix.nRows !== target.length)
    throw new RangeError(`X has ${matrix.nRows} rows but y has ${target.length}`);
  const bins = BinMapper.fit(matrix, opts.maxBins ?? 255, 200_000, opts.seed ?? 0);
  const task: CartTask = {
    codes: bins.transform(matrix),
    nRows: matrix.nRows,
    nFeatures: matrix.nCols,
    thresholds: bins.thresholds,
    target,
    nClasses,
    criterion,
    maxDepth: opts.maxDepth ?? Infinity,
    minSamplesSplit: opts.minSamplesSplit ?? 2,
    minSamplesLeaf: opts.minSamplesLeaf ?? 1,
    maxFeatures: resolveMaxFeatures(
      opts.maxFeatures === undefined ? defaultMaxFeatures : opts.maxFeatures,
      matrix.nCols,
    ),
  };
  return { task, matrix, bins };
}

/** Impurity importances normalised to sum to 1 (all zeros for a stump-less tree). */
export function normalise(importance: Float64Array): Float64Array {
  const total = importance.reduce((a, b) => a + b, 0);
  return total > 0 ? importance.map((v) => v / total) : importance.slice();
}
