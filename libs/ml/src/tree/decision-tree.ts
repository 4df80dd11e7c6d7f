import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { decodeF64, expectString } from '../util/codec.js';
import {
  NotFittedError,
  type Classifier,
  type Estimator,
  type ModelState,
} from '../util/estimator.js';
import { encodeLabels } from '../util/labels.js';
import { Random } from '../util/random.js';
import { range } from '../validation/split.js';
import { CartGrower } from './cart-grower.js';
import type { Criterion } from './criterion.js';
import type { TreeEnsembleView } from '../inspection/tree-shap.js';
import { TreeArrays } from './tree-arrays.js';
import { makeCartTask, normalise, type TreeOptions } from './tree-options.js';

export interface DecisionTreeOptions extends TreeOptions {
  readonly criterion?: Criterion;
}

abstract class DecisionTreeBase {
  protected fitted?: TreeArrays;
  featureImportances: Float64Array = new Float64Array(0);

  constructor(protected readonly opts: DecisionTreeOptions = {}) {}

  get tree(): TreeArrays {
    if (!this.fitted) throw new NotFittedError('DecisionTree');
    return this.fitted;
  }

  /** The tree for TreeSHAP; `output` picks the class column of classification trees. */
  treeView(output = 0): TreeEnsembleView {
    return { trees: [this.tree], scale: 1, base: 0, output };
  }

  protected grow(
    X: MatrixLike,
    target: Float64Array,
    nClasses: number,
    criterion: Criterion,
  ): void {
    const { task } = makeCartTask(X, target, nClasses, criterion, this.opts, null);
    const grown = new CartGrower(task, new Random(this.opts.seed ?? 0)).grow(range(0, task.nRows));
    this.fitted = grown.tree;
    this.featureImportances = normalise(grown.importance);
  }

  protected outputs(X: MatrixLike): { m: DenseMatrix; out: Float64Array } {
    const m = toMatrix(X);
    const out = new Float64Array(m.nRows * this.tree.nOutputs);
    this.tree.addPredictions(m, out);
    return { m, out };
  }
}

/** CART regression tree (squared error) on histogram split candidates. */
export class DecisionTreeRegressor extends DecisionTreeBase implements Estimator {
  fit(X: MatrixLike, y: VectorLike): this {
    this.grow(X, toVector(y), 0, 'squaredError');
    return this;
  }

  predict(X: MatrixLike): Float64Array {
    return this.outputs(X).out;
  }

  toState(): ModelState {
    return { kind: 'DecisionTreeRegressor', tree: this.tree.toJSON() };
  }

  static fromState(state: ModelState): DecisionTreeRegressor {
    const t = new DecisionTreeRegressor();
    t.fitted = TreeArrays.fromJSON(state.tree);
    return t;
  }
}

/** CART classification tree (Gini or entropy); leaves hold class fractions. */
export class DecisionTreeClassifier extends DecisionTreeBase implements Classifier {
  classes: Float64Array = new Float64Array(0);

  fit(X: MatrixLike, y: VectorLike): this {
    const { classes, codes } = encodeLabels(toVector(y));
    this.classes = classes;
    this.grow(X, Float64Array.from(codes), classes.length, this.opts.criterion ?? 'gini');
    return this;
  }

  predictProba(X: MatrixLike): DenseMatrix {
    const { m, out } = this.outputs(X);
    return new DenseMatrix(m.nRows, this.classes.length, out);
  }

  predict(X: MatrixLike): Float64Array {
    return argmaxLabels(this.predictProba(X), this.classes);
  }

  toState(): ModelState {
    return {
      kind: 'DecisionTreeClassifier',
      criterion: this.opts.criterion ?? 'gini',
      classes: Array.from(this.classes),
      tree: this.tree.toJSON(),
    };
  }

  static fromState(state: ModelState): DecisionTreeClassifier {
    const t = new DecisionTreeClassifier({ criterion: expectString(state.criterion) as Criterion });
    t.classes = Array.isArray(state.classes)
      ? Float64Array.from(state.classes.map(Number))
      : decodeF64(state.classes);
    t.fitted = TreeArrays.fromJSON(state.tree);
    return t;
  }
}

/** Label of the most probable class per row (first class wins ties, as numpy's argmax). */
export function argmaxLabels(P: DenseMatrix, classes: Float64Array): Float64Array {
  const out = new Float64Array(P.nRows);
  const n = P.nRows;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < P.nCols; c++) if (P.data[c * n + i] > P.data[best * n + i]) best = c;
    out[i] = classes[best];
  }
  return out;
}
