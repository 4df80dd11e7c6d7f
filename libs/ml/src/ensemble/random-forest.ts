import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { accuracy } from '../metrics/classification.js';
import { r2 } from '../metrics/regression.js';
import { argmaxLabels } from '../tree/decision-tree.js';
import type { Criterion } from '../tree/criterion.js';
import type { TreeEnsembleView } from '../inspection/tree-shap.js';
import { TreeArrays } from '../tree/tree-arrays.js';
import { makeCartTask, normalise, type TreeOptions } from '../tree/tree-options.js';
import { expectArray, expectString } from '../util/codec.js';
import {
  NotFittedError,
  type Classifier,
  type Estimator,
  type FitOptions,
  type Json,
  type ModelState,
} from '../util/estimator.js';
import { encodeLabels } from '../util/labels.js';
import { fitForest, type ForestFit } from './forest-core.js';
import { addForest, PackedCache, predictThreads } from './forest-predict.js';

export interface RandomForestOptions extends TreeOptions {
  /** Number of trees (default 100). */
  readonly nEstimators?: number;
  readonly bootstrap?: boolean;
  /** Compute the out-of-bag score (R² or accuracy) after fitting. */
  readonly oobScore?: boolean;
  readonly criterion?: Criterion;
  /** Threads growing trees and predicting (default 1). Results do not depend on it. */
  readonly nJobs?: number;
}

abstract class ForestBase {
  protected trees: TreeArrays[] = [];
  /** The trees laid out for prediction. */
  private readonly packed = new PackedCache();
  featureImportances: Float64Array = new Float64Array(0);
  /** Out-of-bag R² (regressor) or accuracy (classifier); NaN unless oobScore was requested. */
  oobScore = NaN;

  constructor(protected readonly opts: RandomForestOptions = {}) {}

  protected fitTrees(
    X: MatrixLike,
    target: Float64Array,
    nClasses: number,
    criterion: Criterion,
    maxF: 'sqrt' | 1,
    options: FitOptions,
  ): { fit: ForestFit; matrix: DenseMatrix } {
    const { task, matrix } = makeCartTask(X, target, nClasses, criterion, this.opts, maxF);
    const fit = fitForest(task, {
      nEstimators: this.opts.nEstimators ?? 100,
      bootstrap: this.opts.bootstrap ?? true,
      seed: this.opts.seed ?? 0,
      nJobs: this.opts.nJobs ?? 1,
      onProgress: options.onProgress,
    });
    this.trees = fit.trees;
    this.packed.pack([this.trees], matrix.nCols, (this.opts.nJobs ?? 1) > 1);
    this.featureImportances = normalise(fit.importance);
    return { fit, matrix };
  }

  /** The trees for TreeSHAP (outputs are averaged); `output` picks a class column. */
  treeView(output = 0): TreeEnsembleView {
    if (this.trees.length === 0) throw new NotFittedError('RandomForest');
    return { trees: this.trees, scale: 1 / this.trees.length, base: 0, output };
  }

  /** Mean of the trees' outputs, column-major (outputs blocks of n). */
  protected averaged(X: MatrixLike): { m: DenseMatrix; out: Float64Array } {
    if (this.trees.length === 0) throw new NotFittedError('RandomForest');
    const m = toMatrix(X);
    const threads = predictThreads(m.nRows, this.opts.nJobs ?? 1);
    const [forest] = this.packed.forThreads([this.trees], m.nCols, threads);
    const out = new Float64Array(m.nRows * this.trees[0].nOutputs);
    addForest(this.trees, forest, m, threads, out, 1 / this.trees.length);
    return { m, out };
  }

  /** Out-of-bag mean outputs; rows never out of bag get NaN. */
  protected oobOutputs(m: DenseMatrix, fit: ForestFit): Float64Array {
    const k = this.trees[0].nOutputs;
    const n = m.nRows;
    const sum = new Float64Array(n * k);
    const count = new Float64Array(n);
    fit.trees.forEach((t, ti) => {
      const bag = fit.inBag[ti];
      for (let i = 0; i < n; i++) {
        if (bag[i]) continue;
        const leaf = t.leafOf(m, i);
        count[i]++;
        for (let c = 0; c < k; c++) sum[c * n + i] += t.value[leaf * k + c];
      }
    });
    return sum.map((v, idx) => (count[idx % n] > 0 ? v / count[idx % n] : NaN));
  }

  protected treesJSON(): Json[] {
    return this.trees.map((t) => t.toJSON());
  }

  protected restoreTrees(state: ModelState): void {
    this.trees = expectArray(state.trees).map((t) => TreeArrays.fromJSON(t));
    this.packed.clear();
  }
}

/** Random forest of CART regression trees (defaults as scikit-learn: 100 trees, all features). */
export class RandomForestRegressor extends ForestBase implements Estimator {
  /** `options.onProgress` is told of each tree grown. */
  fit(X: MatrixLike, y: VectorLike, options: FitOptions = {}): this {
    const yv = toVector(y);
    const { fit, matrix } = this.fitTrees(X, yv, 0, 'squaredError', 1, options);
    if (this.opts.oobScore) this.oobScore = r2(yv, this.oobOutputs(matrix, fit));
    return this;
  }

  predict(X: MatrixLike): Float64Array {
    return this.averaged(X).out;
  }

  toState(): ModelState {
    return { kind: 'RandomForestRegressor', trees: this.treesJSON() };
  }

  static fromState(state: ModelState): RandomForestRegressor {
    const f = new RandomForestRegressor();
    f.restoreTrees(state);
    return f;
  }
}

/** Random forest classifier (Gini, √p features per split); probabilities average leaf fractions. */
export class RandomForestClassifier extends ForestBase implements Classifier {
  classes: Float64Array = new Float64Array(0);

  /** `options.onProgress` is told of each tree grown. */
  fit(X: MatrixLike, y: VectorLike, options: FitOptions = {}): this {
    const { classes, codes } = encodeLabels(toVector(y));
    this.classes = classes;
    const target = Float64Array.from(codes);
    const { fit, matrix } = this.fitTrees(
      X,
      target,
      classes.length,
      this.opts.criterion ?? 'gini',
      'sqrt',
      options,
    );
    if (this.opts.oobScore) {
      const P = new DenseMatrix(matrix.nRows, classes.length, this.oobOutputs(matrix, fit));
      const pred = argmaxLabels(P, classes).map((v, i) => (Number.isNaN(P.get(i, 0)) ? NaN : v));
      this.oobScore = accuracy(toVector(y), pred);
    }
    return this;
  }

  predictProba(X: MatrixLike): DenseMatrix {
    const { m, out } = this.averaged(X);
    return new DenseMatrix(m.nRows, this.classes.length, out);
  }

  predict(X: MatrixLike): Float64Array {
    return argmaxLabels(this.predictProba(X), this.classes);
  }

  toState(): ModelState {
    return {
      kind: 'RandomForestClassifier',
      classes: Array.from(this.classes),
      trees: this.treesJSON(),
    };
  }

  static fromState(state: ModelState): RandomForestClassifier {
    const f = new RandomForestClassifier();
    f.classes = Float64Array.from(expectArray(state.classes).map(Number));
    f.restoreTrees(state);
    expectString(state.kind);
    return f;
  }
}
