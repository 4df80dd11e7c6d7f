import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { argmaxLabels } from '../tree/decision-tree.js';
import type { TreeEnsembleView } from '../inspection/tree-shap.js';
import { TreeArrays } from '../tree/tree-arrays.js';
import { addForest, PackedCache, predictThreads } from '../ensemble/forest-predict.js';
import { decodeF64, encodeF64, expectArray, expectString } from '../util/codec.js';
import {
  NotFittedError,
  type Classifier,
  type Estimator,
  type FitOptions,
  type Json,
  type ModelState,
} from '../util/estimator.js';
import { encodeLabels } from '../util/labels.js';
import { splitIndices } from '../validation/split.js';
import { boost, type BoostingFit, type BoostingSettings } from './boosting-core.js';
import {
  absoluteError,
  binaryLogLoss,
  multinomialLogLoss,
  squaredError,
  type LossFunction,
} from './losses.js';

export interface HistGradientBoostingOptions {
  readonly learningRate?: number;
  readonly maxIter?: number;
  readonly maxLeafNodes?: number;
  readonly maxDepth?: number | null;
  readonly minSamplesLeaf?: number;
  readonly l2Regularization?: number;
  readonly maxBins?: number;
  /** 'auto' (default) stops early when there are more than 10,000 rows, as scikit-learn. */
  readonly earlyStopping?: boolean | 'auto';
  readonly validationFraction?: number;
  readonly nIterNoChange?: number;
  readonly tol?: number;
  readonly seed?: number;
  /** Threads building histograms and predicting (default 1; worker threads need the built library). */
  readonly nThreads?: number;
}

export interface HistGradientBoostingRegressorOptions extends HistGradientBoostingOptions {
  readonly loss?: 'squaredError' | 'absoluteError';
}

function boostingSettings(
  o: HistGradientBoostingOptions,
  absolute: boolean,
  options: FitOptions,
): BoostingSettings {
  return {
    learningRate: o.learningRate ?? 0.1,
    maxIter: o.maxIter ?? 100,
    maxLeafNodes: o.maxLeafNodes ?? 31,
    maxDepth: o.maxDepth ?? Infinity,
    minSamplesLeaf: o.minSamplesLeaf ?? 20,
    l2Regularization: o.l2Regularization ?? 0,
    maxBins: o.maxBins ?? 255,
    nIterNoChange: o.nIterNoChange ?? 10,
    tol: o.tol ?? 1e-7,
    seed: o.seed ?? 0,
    absoluteError: absolute,
    nThreads: o.nThreads ?? 1,
    onProgress: options.onProgress,
  };
}

abstract class BoostingBase {
  protected fitted?: { baseline: Float64Array; trees: TreeArrays[][] };
  /** Per output, its trees laid out for prediction. */
  private readonly packed = new PackedCache();
  /** Validation loss after each iteration (first entry: baseline) when early stopping ran. */
  validationLoss: number[] = [];

  constructor(protected readonly opts: HistGradientBoostingOptions = {}) {}

  /** Number of boosting iterations actually run. */
  get nIter(): number {
    return this.state().trees.length;
  }

  protected run(
    X: MatrixLike,
    y: Float64Array,
    loss: LossFunction,
    stratify: boolean,
    absolute: boolean,
    options: FitOptions,
  ): void {
    const m = toMatrix(X);
    if (m.nRows !== y.length) throw new RangeError(`X has ${m.nRows} rows but y has ${y.length}`);
    const o = this.opts;
    const early =
      o.earlyStopping === 'auto' || o.earlyStopping === undefined
        ? m.nRows > 10_000
        : o.earlyStopping;
    const settings = boostingSettings(o, absolute, options);
    let fit: BoostingFit;
    if (early) {
      const { trainIndex, testIndex } = splitIndices(y, {
        testSize: o.validationFraction ?? 0.1,
        mode: stratify ? 'stratified' : 'random',
        seed: settings.seed,
      });
      const pick = (idx: Uint32Array): Float64Array => Float64Array.from(idx, (i) => y[i]);
      const data = {
        X: m.selectRows(trainIndex),
        y: pick(trainIndex),
        Xval: m.selectRows(testIndex),
        yval: pick(testIndex),
      };
      fit = boost(data, loss, settings);
    } else {
      fit = boost({ X: m, y, Xval: null, yval: null }, loss, settings);
    }
    this.fitted = { baseline: fit.baseline, trees: fit.trees };
    this.packed.pack(this.outputTrees(), m.nCols, settings.nThreads > 1);
    this.validationLoss = fit.validationLoss;
  }

  /** The trees of one output (class for multiclass) for TreeSHAP, explaining raw scores. */
  treeView(output = 0): TreeEnsembleView {
    const { baseline, trees } = this.state();
    return { trees: trees.map((it) => it[output]), scale: 1, base: baseline[output], output: 0 };
  }

  /** Raw scores (column-major, one block of n per output). */
  protected rawPredict(X: MatrixLike): { m: DenseMatrix; raw: Float64Array; outputs: number } {
    const { baseline } = this.state();
    const m = toMatrix(X);
    const n = m.nRows;
    const K = baseline.length;
    const raw = new Float64Array(n * K);
    for (let k = 0; k < K; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
    const threads = predictThreads(n, this.opts.nThreads ?? 1);
    const groups = this.outputTrees();
    const forests = this.packed.forThreads(groups, m.nCols, threads);
    groups.forEach((g, k) =>
      addForest(g, forests[k], m, threads, raw.subarray(k * n, (k + 1) * n), 1),
    );
    return { m, raw, outputs: K };
  }

  /** Per output, its tree of every iteration. */
  private outputTrees(): TreeArrays[][] {
    const { baseline, trees } = this.state();
    return Array.from(baseline, (_, k) => trees.map((it) => it[k]));
  }

  protected state(): { baseline: Float64Array; trees: TreeArrays[][] } {
    if (!this.fitted) throw new NotFittedError('HistGradientBoosting');
    return this.fitted;
  }

  protected stateJSON(): { baseline: string; trees: Json } {
    const { baseline, trees } = this.state();
    return { baseline: encodeF64(baseline), trees: trees.map((it) => it.map((t) => t.toJSON())) };
  }

  protected restore(state: ModelState): void {
    const trees = expectArray(state.trees).map((it) =>
      expectArray(it).map((t) => TreeArrays.fromJSON(t)),
    );
    this.fitted = { baseline: decodeF64(state.baseline), trees };
    this.packed.clear();
  }
}

/** Histogram gradient boosting for regression (defaults as scikit-learn's HistGradientBoostingRegressor). */
export class HistGradientBoostingRegressor extends BoostingBase implements Estimator {
  readonly loss: 'squaredError' | 'absoluteError';

  constructor(opts: HistGradientBoostingRegressorOptions = {}) {
    super(opts);
    this.loss = opts.loss ?? 'squaredError';
  }

  /** `options.onProgress` is told of each boosting iteration done (of maxIter). */
  fit(X: MatrixLike, y: VectorLike, options: FitOptions = {}): this {
    const abs = this.loss === 'absoluteError';
    this.run(X, toVector(y), abs ? absoluteError : squaredError, false, abs, options);
    return this;
  }

  predict(X: MatrixLike): Float64Array {
    return this.rawPredict(X).raw;
  }

  toState(): ModelState {
    return { kind: 'HistGradientBoostingRegressor', loss: this.loss, ...this.stateJSON() };
  }

  static fromState(state: ModelState): HistGradientBoostingRegressor {
    const loss = expectString(state.loss) === 'absoluteError' ? 'absoluteError' : 'squaredError';
    const model = new HistGradientBoostingRegressor({ loss });
    model.restore(state);
    return model;
  }
}

/** Histogram gradient boosting classifier: binomial or multinomial log loss. */
export class HistGradientBoostingClassifier extends BoostingBase implements Classifier {
  classes: Float64Array = new Float64Array(0);

  /** `options.onProgress` is told of each boosting iteration done (of maxIter; K trees each). */
  fit(X: MatrixLike, y: VectorLike, options: FitOptions = {}): this {
    const { classes, codes } = encodeLabels(toVector(y));
    if (classes.length < 2)
      throw new RangeError('HistGradientBoostingClassifier needs at least two classes');
    this.classes = classes;
    const loss = classes.length === 2 ? binaryLogLoss : multinomialLogLoss(classes.length);
    this.run(X, Float64Array.from(codes), loss, true, false, options);
    return this;
  }

  predictProba(X: MatrixLike): DenseMatrix {
    const { m, raw, outputs } = this.rawPredict(X);
    const n = m.nRows;
    const out = new Float64Array(n * this.classes.length);
    if (outputs === 1) {
      for (let i = 0; i < n; i++) {
        const p = 1 / (1 + Math.exp(-raw[i]));
        out[i] = 1 - p;
        out[n + i] = p;
      }
    } else {
      softmaxColumns(raw, n, outputs, out);
    }
    return new DenseMatrix(n, this.classes.length, out);
  }

  predict(X: MatrixLike): Float64Array {
    return argmaxLabels(this.predictProba(X), this.classes);
  }

  toState(): ModelState {
    return {
      kind: 'HistGradientBoostingClassifier',
      classes: encodeF64(this.classes),
      ...this.stateJSON(),
    };
  }

  static fromState(state: ModelState): HistGradientBoostingClassifier {
    const model = new HistGradientBoostingClassifier();
    model.classes = decodeF64(state.classes);
    model.restore(state);
    return model;
  }
}

function softmaxColumns(raw: Float64Array, n: number, k: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, raw[c * n + i]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(raw[c * n + i] - max);
    for (let c = 0; c < k; c++) out[c * n + i] = Math.exp(raw[c * n + i] - max) / sum;
  }
}
