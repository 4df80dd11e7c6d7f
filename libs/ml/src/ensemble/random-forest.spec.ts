import { DenseMatrix } from '../data/dense-matrix.js';
import { accuracy } from '../metrics/classification.js';
import { r2 } from '../metrics/regression.js';
import { Random } from '../util/random.js';
import { RandomForestClassifier, RandomForestRegressor } from './random-forest.js';

function dataset(
  n: number,
  seed: number,
): { X: DenseMatrix; y: Float64Array; labels: Float64Array } {
  const rng = new Random(seed);
  const X = DenseMatrix.zeros(n, 4);
  const y = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) X.set(i, j, rng.next() * 2 - 1);
    y[i] = 3 * X.get(i, 0) + (X.get(i, 1) > 0 ? 2 : 0) + 0.1 * rng.next();
    labels[i] = X.get(i, 0) + X.get(i, 2) > 0 ? (X.get(i, 1) > 0.5 ? 2 : 1) : 0;
  }
  return { X, y, labels };
}

const train = dataset(400, 1);
const test = dataset(200, 2);

describe('RandomForestRegressor', () => {
  it('fits a non-linear function and scores well out of bag', () => {
    const rf = new RandomForestRegressor({ nEstimators: 30, oobScore: true, seed: 7 }).fit(
      train.X,
      train.y,
    );
    expect(r2(test.y, rf.predict(test.X))).toBeGreaterThan(0.9);
    expect(rf.oobScore).toBeGreaterThan(0.85);
    expect(rf.featureImportances[0]).toBeGreaterThan(rf.featureImportances[3]);
    expect(rf.featureImportances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = new RandomForestRegressor({ nEstimators: 5, seed: 1 })
      .fit(train.X, train.y)
      .predict(test.X);
    const b = new RandomForestRegressor({ nEstimators: 5, seed: 1 })
      .fit(train.X, train.y)
      .predict(test.X);
    const c = new RandomForestRegressor({ nEstimators: 5, seed: 2 })
      .fit(train.X, train.y)
      .predict(test.X);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('refuses to predict before fit', () => {
    expect(() => new RandomForestRegressor().predict(test.X)).toThrow(/not fitted/);
  });
});

describe('RandomForestClassifier', () => {
  it('classifies three classes and averages leaf class fractions', () => {
    const rf = new RandomForestClassifier({ nEstimators: 30, oobScore: true, maxDepth: 8 }).fit(
      train.X,
      train.labels,
    );
    expect(accuracy(test.labels, rf.predict(test.X))).toBeGreaterThan(0.85);
    expect(rf.oobScore).toBeGreaterThan(0.8);
    const p = rf.predictProba(test.X);
    expect(p.nCols).toBe(3);
    expect(p.row(0).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('grows every tree on all rows without bootstrap', () => {
    const rf = new RandomForestClassifier({
      nEstimators: 3,
      bootstrap: false,
      maxFeatures: null,
    }).fit(train.X, train.labels);
    expect(accuracy(train.labels, rf.predict(train.X))).toBe(1);
  });
});
