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

describe('forest progress hook', () => {
  it('reports every tree in order and leaves the forest bit-identical', () => {
    const calls: Array<[number, number]> = [];
    const opts = { nEstimators: 7, seed: 5, oobScore: true };
    const hooked = new RandomForestRegressor(opts).fit(train.X, train.y, {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const plain = new RandomForestRegressor(opts).fit(train.X, train.y);
    expect(calls).toEqual(Array.from({ length: 7 }, (_, i) => [i + 1, 7]));
    expect(JSON.stringify(hooked.toState())).toBe(JSON.stringify(plain.toState()));
    expect(Object.is(hooked.oobScore, plain.oobScore)).toBe(true);
    expect(Array.from(hooked.featureImportances)).toEqual(Array.from(plain.featureImportances));
  });

  it('works for the classifier and aborts the fit when the hook throws', () => {
    const opts = { nEstimators: 4, seed: 3 };
    let seen = 0;
    const hooked = new RandomForestClassifier(opts).fit(train.X, train.labels, {
      onProgress: (done) => (seen = done),
    });
    const plain = new RandomForestClassifier(opts).fit(train.X, train.labels);
    expect(seen).toBe(4);
    expect(JSON.stringify(hooked.toState())).toBe(JSON.stringify(plain.toState()));
    const stopAt2 = (done: number) => {
      if (done === 2) throw new Error('stop');
    };
    expect(() =>
      new RandomForestClassifier(opts).fit(train.X, train.labels, { onProgress: stopAt2 }),
    ).toThrow('stop');
  });
});
