import type { DenseMatrix } from '../data/dense-matrix.js';
import { BinMapper, MISSING_BIN } from '../tree/bin-mapper.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import type { FitProgress } from '../util/estimator.js';
import { quantileSorted } from '../util/stats.js';
import { HistGrower, type GrownBoostingTree, type GrowerSettings } from './hist-grower.js';
import { LocalEngine, type HistogramEngine } from './histogram-engine.js';
import { ParallelEngine, workersAvailable } from './parallel-engine.js';
import type { SplitRules } from './split-finder.js';
import type { LossFunction } from './losses.js';

export interface BoostingSettings {
  readonly learningRate: number;
  readonly maxIter: number;
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly l2Regularization: number;
  readonly maxBins: number;
  readonly nIterNoChange: number;
  readonly tol: number;
  readonly seed: number;
  readonly absoluteError: boolean;
  /** Threads building histograms (1: the calling thread only). */
  readonly nThreads: number;
  /** Iterations done so far, of maxIter (does not change the model). */
  readonly onProgress?: FitProgress;
}

export interface BoostingFit {
  readonly baseline: Float64Array;
  /** trees[iteration][output] */
  readonly trees: TreeArrays[][];
  /** Validation losses per iteration (baseline first) when early stopping ran. */
  readonly validationLoss: number[];
}

export interface BoostingData {
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  readonly Xval: DenseMatrix | null;
  readonly yval: Float64Array | null;
}

interface Prepared {
  readonly codes: Uint8Array;
  readonly settings: GrowerSettings & SplitRules;
  readonly baseline: Float64Array;
  readonly raw: Float64Array;
  readonly val: { X: DenseMatrix; y: Float64Array; raw: Float64Array } | null;
}

/** Bins the training data and sets every raw prediction to the baseline. */
function prepare(data: BoostingData, loss: LossFunction, s: BoostingSettings): Prepared {
  const { X, y } = data;
  const n = X.nRows;
  const K = loss.outputs;
  const bins = BinMapper.fit(X, s.maxBins, 200_000, s.seed);
  const codes = bins.transform(X);
  const hasMissing = Uint8Array.from({ length: X.nCols }, (_, j) =>
    codes.subarray(j * n, (j + 1) * n).includes(MISSING_BIN) ? 1 : 0,
  );
  const settings: GrowerSettings & SplitRules = {
    maxLeafNodes: s.maxLeafNodes,
    maxDepth: s.maxDepth,
    learningRate: s.learningRate,
    minSamplesLeaf: s.minSamplesLeaf,
    l2: s.l2Regularization,
    minHessian: 1e-3,
    nBins: Int32Array.from(bins.thresholds, (t) => t.length + 1),
    hasMissing,
    thresholds: bins.thresholds,
  };
  const baseline = loss.baseline(y);
  const fill = (rows: number): Float64Array => {
    const raw = new Float64Array(rows * K);
    for (let k = 0; k < K; k++) raw.fill(baseline[k], k * rows, (k + 1) * rows);
    return raw;
  };
  const val =
    data.Xval && data.yval ? { X: data.Xval, y: data.yval, raw: fill(data.Xval.nRows) } : null;
  return { codes, settings, baseline, raw: fill(n), val };
}

/** Runs the boosting iterations for one loss. */
export function boost(data: BoostingData, loss: LossFunction, s: BoostingSettings): BoostingFit {
  const { X, y } = data;
  const n = X.nRows;
  const K = loss.outputs;
  const { codes, settings, baseline, raw, val } = prepare(data, loss, s);
  const grads = Array.from({ length: K }, () => new Float64Array(n));
  const hess = Array.from({ length: K }, () => new Float64Array(loss.constantHessian ? 0 : n));
  const validationLoss = val ? [loss.loss(val.y, val.raw)] : [];
  const trees: TreeArrays[][] = [];
  const engine = makeEngine(codes, X.nCols, loss.constantHessian, settings, s.nThreads);
  const grower = new HistGrower(engine, settings);
  try {
    for (let it = 0; it < s.maxIter; it++) {
      for (let k = 0; k < K; k++) loss.gradients(y, raw, k, grads[k], hess[k]);
      const iteration: TreeArrays[] = [];
      for (let k = 0; k < K; k++) {
        engine.data.gradients.set(grads[k]);
        engine.data.hessians?.set(hess[k]);
        const grown = grower.grow();
        const rawK = raw.subarray(k * n, (k + 1) * n);
        if (s.absoluteError) setMedianLeaves(grown, y, rawK, s.learningRate);
        applyLeaves(grown, rawK);
        if (val)
          grown.tree.addPredictions(
            val.X,
            val.raw.subarray(k * val.X.nRows, (k + 1) * val.X.nRows),
          );
        iteration.push(grown.tree);
      }
      trees.push(iteration);
      s.onProgress?.(trees.length, s.maxIter);
      if (val) {
        validationLoss.push(loss.loss(val.y, val.raw));
        if (shouldStop(validationLoss, s.nIterNoChange, s.tol)) break;
      }
    }
  } finally {
    engine.close();
  }
  return { baseline, trees, validationLoss };
}

function applyLeaves(grown: GrownBoostingTree, raw: Float64Array): void {
  const rows = grown.rows;
  for (const leaf of grown.leaves) {
    const v = grown.tree.value[leaf.id];
    for (let p = leaf.start; p < leaf.end; p++) raw[rows[p]] += v;
  }
}

/** Absolute error: a leaf's value is the median residual of its rows (times the learning rate). */
function setMedianLeaves(
  grown: GrownBoostingTree,
  y: Float64Array,
  raw: Float64Array,
  lr: number,
): void {
  const rows = grown.rows;
  for (const leaf of grown.leaves) {
    const res = new Float64Array(leaf.end - leaf.start);
    for (let p = leaf.start; p < leaf.end; p++) res[p - leaf.start] = y[rows[p]] - raw[rows[p]];
    grown.tree.value[leaf.id] = lr * quantileSorted(res.sort(), 0.5);
  }
}

/** scikit-learn's rule: stop when none of the last n scores beats the one before them by tol. */
function shouldStop(losses: number[], nIterNoChange: number, tol: number): boolean {
  if (losses.length <= nIterNoChange) return false;
  const reference = losses[losses.length - nIterNoChange - 1];
  return losses.slice(-nIterNoChange).every((l) => !(l < reference - tol));
}

/** Histogram engine over buffers the grower fills per tree (shared memory when threaded). */
function makeEngine(
  codes: Uint8Array,
  nFeatures: number,
  constantHessian: boolean,
  rules: SplitRules,
  nThreads: number,
): HistogramEngine {
  const n = codes.length / nFeatures;
  // worker threads pay off only on large data; below that one thread is faster
  const threaded = nThreads > 1 && nFeatures > 1 && n * nFeatures >= 200_000 && workersAvailable();
  const buffer = (bytes: number): ArrayBuffer | SharedArrayBuffer =>
    threaded ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const sharedCodes = threaded ? new Uint8Array(buffer(codes.length)) : codes;
  if (threaded) sharedCodes.set(codes);
  const data = {
    codes: sharedCodes,
    nRows: n,
    nFeatures,
    rows: new Uint32Array(buffer(n * 4)),
    gradients: new Float64Array(buffer(n * 8)),
    hessians: constantHessian ? null : new Float64Array(buffer(n * 8)),
  };
  return threaded
    ? new ParallelEngine(data, rules, Math.min(nThreads, nFeatures))
    : new LocalEngine(data, rules);
}
