import {
  permutationImportance,
  treeShap,
  type DenseMatrix,
  type Estimator,
  type TreeExplainable,
} from '@hydroml/ml';
import { scoreAll } from './metric-set.js';
import type { Importance, TrainInput } from './train-types.js';

const MAX_PERMUTATION_ROWS = 2000;
const MAX_SHAP_ROWS = 200;
const SHAP_BUDGET_MS = 2000;
/** Fewer explained rows than this make no useful summary: the run then has no SHAP summary. */
const MIN_SHAP_ROWS = 20;

function byName(names: string[], values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(names.map((n, j) => [n, values[j]]));
}

function hasTrees(model: Estimator): model is Estimator & TreeExplainable {
  return typeof (model as Partial<TreeExplainable>).treeView === 'function';
}

function firstRows(X: DenseMatrix, n: number): DenseMatrix {
  return X.nRows <= n ? X : X.selectRows(Uint32Array.from({ length: n }, (_, i) => i));
}

/** The score permutation importance drops: R² or accuracy (larger is better). */
function scorer(input: TrainInput) {
  const key = input.settings.task === 'regression' ? 'r2' : 'accuracy';
  return (t: Float64Array, p: Float64Array) =>
    scoreAll(input.settings.task, t, p, null, [key])[key] ?? 0;
}

/**
 * Impurity importance (trees and forests), permutation importance on the test rows (any model), and
 * a TreeSHAP summary (mean |SHAP| on up to MAX_SHAP_ROWS test rows) for tree models.
 */
export function explain(
  input: TrainInput,
  model: Estimator,
  XTest: DenseMatrix,
  yTest: Float64Array,
): Importance {
  const names = input.features.map((f) => f.name);
  const impurityValues = (model as { featureImportances?: Float64Array }).featureImportances;
  const impurity =
    impurityValues && impurityValues.length === names.length ? byName(names, impurityValues) : null;
  if (input.settings.skipExplanations || XTest.nRows === 0) {
    return { impurity, permutation: null, shap: null };
  }
  const rows = firstRows(XTest, MAX_PERMUTATION_ROWS);
  const y = yTest.subarray(0, rows.nRows);
  const perm = permutationImportance(model, rows, y, {
    scoring: scorer(input),
    nRepeats: 3,
    seed: input.settings.split.seed,
  });
  const permutation = Object.fromEntries(
    names.map((n, j) => [n, { mean: perm.importancesMean[j], std: perm.importancesStd[j] }]),
  );
  const shap = hasTrees(model) ? shapSummary(model, XTest, names) : null;
  return { impurity, permutation, shap };
}

/**
 * Rows TreeSHAP can explain within the budget: its cost per row grows with nodes x depth² per tree
 * (about 12 ns per unit measured here).
 */
export function affordableShapRows(model: TreeExplainable): number {
  let cost = 0;
  for (const tree of model.treeView().trees) {
    const depth = Math.log2(Math.max(tree.nodeCount, 2)) + 1;
    cost += tree.nodeCount * depth * depth;
  }
  return Math.floor(SHAP_BUDGET_MS / (cost * 1.2e-5));
}

/**
 * Mean |SHAP| over the first test rows, a few at a time until SHAP_BUDGET_MS is spent (exact
 * TreeSHAP on deep forests costs seconds per hundred rows). Classifiers: the first output.
 */
function shapSummary(model: TreeExplainable, XTest: DenseMatrix, names: string[]) {
  const limit = Math.min(XTest.nRows, MAX_SHAP_ROWS, affordableShapRows(model));
  if (limit < MIN_SHAP_ROWS) return null;
  const started = performance.now();
  const sum = new Float64Array(names.length);
  let rows = 0;
  let expectedValue = NaN;
  while (
    rows < Math.min(XTest.nRows, MAX_SHAP_ROWS) &&
    performance.now() - started < SHAP_BUDGET_MS
  ) {
    const chunk = Uint32Array.from({ length: Math.min(5, XTest.nRows - rows) }, (_, i) => rows + i);
    const values = treeShap(model, XTest.selectRows(chunk));
    for (let j = 0; j < names.length; j++) sum[j] += values.meanAbs[j] * chunk.length;
    expectedValue = values.expectedValue;
    rows += chunk.length;
  }
  const meanAbs = byName(
    names,
    Array.from(sum, (v) => v / Math.max(rows, 1)),
  );
  return { expectedValue, meanAbs, rows };
}
