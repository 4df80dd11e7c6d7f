// Public surface of @hydroml/ml.

// data
export * from './data/dense-matrix.js';
export * from './data/columnar.js';

// metrics, as a namespace: metrics.r2, metrics.nse, metrics.f1...
export * as metrics from './metrics/index.js';

// validation
export * from './validation/split.js';
export * from './validation/folds.js';
export * from './validation/cross-validate.js';

// preprocessing
export * from './preprocessing/simple-imputer.js';
export * from './preprocessing/scalers.js';
export * from './preprocessing/one-hot-encoder.js';
export * from './preprocessing/ordinal-encoder.js';
export * from './preprocessing/target-encoder.js';
export * from './preprocessing/column-transformer.js';
export * from './preprocessing/pipeline.js';

// models
export * from './linear/linear-regression.js';
export * from './linear/elastic-net.js';
export * from './linear/logistic-regression.js';
export * from './tree/decision-tree.js';
export type { Criterion } from './tree/criterion.js';
export type { MaxFeatures, TreeOptions } from './tree/tree-options.js';
export { TreeArrays } from './tree/tree-arrays.js';
export * from './ensemble/random-forest.js';
export * from './boosting/hist-gradient-boosting.js';
export * from './neighbors/k-neighbors.js';

// explainability
export * from './inspection/permutation-importance.js';
export * from './inspection/tree-shap.js';

// persistence and shared types
export * from './persistence/model-format.js';
export { NotFittedError } from './util/estimator.js';
export type {
  Classifier,
  Estimator,
  FitOptions,
  FitProgress,
  Json,
  ModelState,
  Transformer,
} from './util/estimator.js';
export { Random } from './util/random.js';
