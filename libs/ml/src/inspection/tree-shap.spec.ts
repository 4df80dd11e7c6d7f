import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../boosting/hist-gradient-boosting.js';
import { DenseMatrix } from '../data/dense-matrix.js';
import { RandomForestClassifier, RandomForestRegressor } from '../ensemble/random-forest.js';
import { DecisionTreeRegressor } from '../tree/decision-tree.js';
import { Random } from '../util/random.js';
import { treeShap } from './tree-shap.js';

const rng = new Random(9);
const X = DenseMatrix.fromRows(
  Array.from({ length: 300 }, () => [rng.next(), rng.next(), rng.next()]),
);
const y = Float64Array.from(
  { length: 300 },
  (_, i) => 5 * X.get(i, 0) + (X.get(i, 1) > 0.5 ? 2 : 0),
);
const sample = X.selectRows([0, 1, 2, 3, 4]);

function expectAdditive(values: DenseMatrix, expected: number, outputs: ArrayLike<number>): void {
  for (let i = 0; i < values.nRows; i++) {
    expect(expected + values.row(i).reduce((a, b) => a + b, 0)).toBeCloseTo(outputs[i], 9);
  }
}

describe('treeShap', () => {
  it('gives the textbook values for a single split (x0 ≤ 0.5 → 0, else 10)', () => {
    const Xs = DenseMatrix.fromRows([[0], [1], [0], [1]]);
    const tree = new DecisionTreeRegressor().fit(Xs, [0, 10, 0, 10]);
    const shap = treeShap(tree, [[1], [0]]);
    expect(shap.expectedValue).toBe(5);
    expect(shap.values.toRows()).toEqual([[5], [-5]]);
    expect(Array.from(shap.meanAbs)).toEqual([5]);
  });

  it('adds up to the prediction for trees, forests and boosting', () => {
    const tree = new DecisionTreeRegressor({ maxDepth: 5 }).fit(X, y);
    const t = treeShap(tree, sample);
    expectAdditive(t.values, t.expectedValue, tree.predict(sample));
    const rf = new RandomForestRegressor({ nEstimators: 5, maxDepth: 6 }).fit(X, y);
    const r = treeShap(rf, sample);
    expectAdditive(r.values, r.expectedValue, rf.predict(sample));
    const hgb = new HistGradientBoostingRegressor({ maxIter: 10 }).fit(X, y);
    const h = treeShap(hgb, sample);
    expectAdditive(h.values, h.expectedValue, hgb.predict(sample));
    expect(h.meanAbs[0]).toBeGreaterThan(h.meanAbs[2]);
  });

  it('explains class probabilities of forests and log-odds of boosting classifiers', () => {
    const labels = y.map((v) => (v > 3.5 ? 1 : 0));
    const rf = new RandomForestClassifier({ nEstimators: 5, maxDepth: 4 }).fit(X, labels);
    const r = treeShap(rf, sample, { output: 1 });
    expect(r.values.nCols).toBe(3);
    expectAdditive(r.values, r.expectedValue, rf.predictProba(sample).column(1));
    const hgb = new HistGradientBoostingClassifier({ maxIter: 5 }).fit(X, labels);
    const h = treeShap(hgb, sample);
    const logOdds = hgb
      .predictProba(sample)
      .column(1)
      .map((p) => Math.log(p / (1 - p)));
    expectAdditive(h.values, h.expectedValue, logOdds);
  });
});
