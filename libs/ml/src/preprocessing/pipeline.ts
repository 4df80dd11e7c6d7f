import {
  toMatrix,
  toVector,
  type DenseMatrix,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { expectArray, expectObject } from '../util/codec.js';
import {
  fitTransform,
  isClassifier,
  type Classifier,
  type Estimator,
  type Json,
  type ModelState,
  type Transformer,
} from '../util/estimator.js';

/** Transformers then a model; fitting fits each step on the output of the previous ones. */
export class Pipeline implements Estimator {
  constructor(
    readonly steps: readonly Transformer[],
    readonly model: Estimator,
  ) {}

  fit(X: MatrixLike, y: VectorLike): this {
    const yv = toVector(y);
    let m = toMatrix(X);
    for (const step of this.steps) m = fitTransform(step, m, yv);
    this.model.fit(m, yv);
    return this;
  }

  /** Applies the fitted transformers only. */
  transform(X: MatrixLike): DenseMatrix {
    let m = toMatrix(X);
    for (const step of this.steps) m = step.transform(m);
    return m;
  }

  predict(X: MatrixLike): Float64Array {
    return this.model.predict(this.transform(X));
  }

  get classes(): Float64Array {
    return this.classifier().classes;
  }

  predictProba(X: MatrixLike): DenseMatrix {
    return this.classifier().predictProba(this.transform(X));
  }

  private classifier(): Classifier {
    if (!isClassifier(this.model)) throw new TypeError('the pipeline model is not a classifier');
    return this.model;
  }

  toState(): ModelState {
    return {
      kind: 'Pipeline',
      steps: this.steps.map((s): Json => s.toState()),
      model: this.model.toState(),
    };
  }

  static fromState(
    state: ModelState,
    loadTransformer: (s: ModelState) => Transformer,
    loadModel: (s: ModelState) => Estimator,
  ): Pipeline {
    const steps = expectArray(state.steps).map((s) =>
      loadTransformer(expectObject(s) as ModelState),
    );
    return new Pipeline(steps, loadModel(expectObject(state.model) as ModelState));
  }
}
