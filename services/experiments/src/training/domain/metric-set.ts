import { DenseMatrix, metrics as m } from '@hydroml/ml';
import type { MlTask } from '@hydroml/contracts';
import type { Metrics } from './train-types.js';

export const REGRESSION_METRICS = [
  ...['r2', 'rmse', 'mse', 'mae', 'mape', 'max_error', 'explained_variance'],
  ...['nse', 'kge', 'kge_prime', 'pbias'],
];
export const CLASSIFICATION_METRICS = [
  ...['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro'],
  ...['f1_macro', 'f1_weighted', 'roc_auc', 'log_loss'],
];

/** Larger is better for these; the others are errors (smaller is better). */
export const HIGHER_IS_BETTER = new Set([
  ...['r2', 'explained_variance', 'nse', 'kge', 'kge_prime', 'accuracy', 'balanced_accuracy'],
  ...['precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc'],
]);

export function metricNames(task: MlTask): string[] {
  return task === 'regression' ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
}

function regression(t: Float64Array, p: Float64Array): Metrics {
  const r = m.regressionReport(t, p);
  return {
    ...{ r2: r.r2, rmse: r.rmse, mse: r.mse, mae: r.mae, mape: r.mape, max_error: r.maxError },
    ...{ explained_variance: r.explainedVariance, nse: r.nse, kge: r.kge },
    ...{ kge_prime: r.kgePrime, pbias: r.pbias },
  };
}

function classification(t: Float64Array, p: Float64Array, proba: DenseMatrix | null): Metrics {
  const r = m.classificationReport(t, p);
  const out: Metrics = {
    ...{ accuracy: r.accuracy, balanced_accuracy: r.balancedAccuracy },
    ...{ precision_macro: r.precisionMacro, recall_macro: r.recallMacro },
    ...{ f1_macro: r.f1Macro, f1_weighted: r.f1Weighted },
  };
  if (proba && proba.nCols >= 2) {
    out.roc_auc = m.rocAuc(t, proba);
    out.log_loss = m.logLoss(t, proba);
  }
  return out;
}

/** The task's metrics, restricted to `wanted` when given; NaN values are dropped (undefined). */
export function scoreAll(
  task: MlTask,
  yTrue: Float64Array,
  yPred: Float64Array,
  proba: DenseMatrix | null,
  wanted: string[],
): Metrics {
  const all =
    task === 'regression' ? regression(yTrue, yPred) : classification(yTrue, yPred, proba);
  const out: Metrics = {};
  for (const [key, value] of Object.entries(all)) {
    if ((wanted.length === 0 || wanted.includes(key)) && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export function meanStd(folds: Metrics[]): { mean: Metrics; std: Metrics } {
  const mean: Metrics = {};
  const std: Metrics = {};
  const keys = new Set(folds.flatMap((f) => Object.keys(f)));
  for (const key of keys) {
    const values = folds.map((f) => f[key]).filter((v) => v !== undefined);
    const mu = values.reduce((a, b) => a + b, 0) / values.length;
    mean[key] = mu;
    std[key] = Math.sqrt(values.reduce((a, b) => a + (b - mu) ** 2, 0) / values.length);
  }
  return { mean, std };
}
