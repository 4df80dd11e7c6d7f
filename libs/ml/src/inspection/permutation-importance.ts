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

/**
 * Rows predicted per call: the shuffled copies of X are stacked so that one call predicts many of
 * them (a model parallelises a large call over its threads; small calls pay per-call costs). The
 * stack also stays under BATCH_CELLS values (32 MB), so wide data stacks fewer copies.
 */
const BATCH_ROWS = 65_536;
const BATCH_CELLS = 4_194_304;

interface Block {
  column: number;
  repeat: number;
  order: Uint32Array;
}

/** X repeated once per block, each copy with the block's column in the block's shuffled order. */
function stackShuffled(m: DenseMatrix, blocks: readonly Block[]): DenseMatrix {
  const n = m.nRows;
  const rows = n * blocks.length;
  const data = new Float64Array(rows * m.nCols);
  for (let j = 0; j < m.nCols; j++) {
    const col = m.column(j);
    for (const [k, block] of blocks.entries()) {
      const at = j * rows + k * n;
      if (block.column !== j) data.set(col, at);
      else for (let i = 0; i < n; i++) data[at + i] = col[block.order[i]];
    }
  }
  return new DenseMatrix(rows, m.nCols, data, m.columns);
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
  const n = m.nRows;
  const nRepeats = opts.nRepeats ?? 5;
  const rng = new Random(opts.seed ?? 0);
  const baselineScore = opts.scoring(yv, model.predict(m));
  const importances = Array.from({ length: m.nCols }, () => new Float64Array(nRepeats));
  const copyCells = Math.max(n * m.nCols, 1);
  const perCall = Math.max(
    1,
    Math.min(Math.floor(BATCH_ROWS / Math.max(n, 1)), Math.floor(BATCH_CELLS / copyCells)),
  );
  let blocks: Block[] = [];
  const flush = () => {
    const predicted = model.predict(stackShuffled(m, blocks));
    for (const [k, b] of blocks.entries()) {
      const drop = baselineScore - opts.scoring(yv, predicted.subarray(k * n, (k + 1) * n));
      importances[b.column][b.repeat] = drop;
    }
    blocks = [];
  };
  for (let j = 0; j < m.nCols; j++) {
    for (let r = 0; r < nRepeats; r++) {
      blocks.push({ column: j, repeat: r, order: rng.permutation(n) });
      if (blocks.length === perCall) flush();
    }
  }
  if (blocks.length > 0) flush();
  const importancesMean = Float64Array.from(
    importances,
    (d) => d.reduce((a, b) => a + b, 0) / d.length,
  );
  const importancesStd = Float64Array.from(importances, (d, j) =>
    Math.sqrt(d.reduce((a, b) => a + (b - importancesMean[j]) ** 2, 0) / d.length),
  );
  return { importancesMean, importancesStd, importances, baselineScore };
}
