import { DenseMatrix } from '../data/dense-matrix.js';
import { accuracy, logLoss } from '../metrics/classification.js';
import { mae, r2 } from '../metrics/regression.js';
import { Random } from '../util/random.js';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from './hist-gradient-boosting.js';

function dataset(
  n: number,
  seed: number,
  missing = 0,
): { X: DenseMatrix; y: Float64Array; labels: Float64Array } {
  const rng = new Random(seed);
  const X = DenseMatrix.zeros(n, 3);
  const y = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X.set(i, j, rng.next() * 4 - 2);
    y[i] = Math.sin(2 * X.get(i, 0)) * 2 + X.get(i, 1) + 0.05 * rng.next();
    labels[i] = X.get(i, 0) > 0.5 ? 2 : X.get(i, 1) > 0 ? 1 : 0;
    if (rng.next() < missing) X.set(i, 2, NaN);
  }
  return { X, y, labels };
}

const train = dataset(1000, 1, 0.1);
const test = dataset(300, 2, 0.1);

describe('HistGradientBoostingRegressor', () => {
  it('fits a smooth non-linear function with missing values present', () => {
    const m = new HistGradientBoostingRegressor().fit(train.X, train.y);
    expect(r2(test.y, m.predict(test.X))).toBeGreaterThan(0.95);
    expect(m.nIter).toBe(100);
  });

  it('routes missing values to the side that learnt them', () => {
    const X = DenseMatrix.fromRows(Array.from({ length: 200 }, (_, i) => [i % 2 === 0 ? NaN : i]));
    const y = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 10 : 0));
    const m = new HistGradientBoostingRegressor({ minSamplesLeaf: 5 }).fit(X, y);
    const [atNaN, atValue] = m.predict([[NaN], [51]]);
    expect(atNaN).toBeGreaterThan(9);
    expect(atValue).toBeLessThan(1);
  });

  it('supports absolute error with a median baseline', () => {
    const m = new HistGradientBoostingRegressor({ loss: 'absoluteError', maxIter: 50 }).fit(
      train.X,
      train.y,
    );
    expect(mae(test.y, m.predict(test.X))).toBeLessThan(0.3);
  });

  it('stops early when the validation loss stops improving', () => {
    const m = new HistGradientBoostingRegressor({
      earlyStopping: true,
      maxIter: 500,
      learningRate: 0.5,
    }).fit(train.X, train.y);
    expect(m.nIter).toBeLessThan(500);
    expect(m.validationLoss).toHaveLength(m.nIter + 1);
  });

  it('is deterministic for a seed', () => {
    const opts = { earlyStopping: true, maxIter: 20, seed: 3 };
    const a = new HistGradientBoostingRegressor(opts).fit(train.X, train.y).predict(test.X);
    const b = new HistGradientBoostingRegressor(opts).fit(train.X, train.y).predict(test.X);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('limits leaves and depth', () => {
    const m = new HistGradientBoostingRegressor({ maxIter: 1, maxLeafNodes: 4 }).fit(
      train.X,
      train.y,
    );
    const stump = new HistGradientBoostingRegressor({ maxIter: 1, maxDepth: 1 }).fit(
      train.X,
      train.y,
    );
    expect(new Set(m.predict(test.X)).size).toBeLessThanOrEqual(4);
    expect(new Set(stump.predict(test.X)).size).toBe(2);
  });
});

describe('HistGradientBoostingClassifier', () => {
  it('classifies three classes with a multinomial loss', () => {
    const m = new HistGradientBoostingClassifier().fit(train.X, train.labels);
    expect(accuracy(test.labels, m.predict(test.X))).toBeGreaterThan(0.95);
    const P = m.predictProba(test.X);
    expect(P.nCols).toBe(3);
    expect(P.row(0).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('classifies two classes with calibrated-looking probabilities', () => {
    const binary = train.labels.map((v) => (v === 0 ? 0 : 1));
    const m = new HistGradientBoostingClassifier({ maxIter: 50 }).fit(train.X, binary);
    const P = m.predictProba(test.X);
    expect(
      logLoss(
        test.labels.map((v) => (v === 0 ? 0 : 1)),
        P,
      ),
    ).toBeLessThan(0.2);
    expect(() => new HistGradientBoostingClassifier().fit(train.X, new Float64Array(1000))).toThrow(
      RangeError,
    );
  });
});

describe('boosting progress hook', () => {
  it('reports every iteration of maxIter and leaves the model bit-identical', () => {
    const calls: Array<[number, number]> = [];
    const opts = { maxIter: 12, earlyStopping: false };
    const hooked = new HistGradientBoostingRegressor(opts).fit(train.X, train.y, {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const plain = new HistGradientBoostingRegressor(opts).fit(train.X, train.y);
    expect(calls).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 12]));
    expect(JSON.stringify(hooked.toState())).toBe(JSON.stringify(plain.toState()));
  });

  it('ends below the total on an early stop and is identical for multiclass', () => {
    const calls: number[] = [];
    const opts = { maxIter: 200, earlyStopping: true, nIterNoChange: 3, learningRate: 0.5 };
    const hooked = new HistGradientBoostingClassifier(opts).fit(train.X, train.labels, {
      onProgress: (done, total) => calls.push(total === 200 ? done : -1),
    });
    const plain = new HistGradientBoostingClassifier(opts).fit(train.X, train.labels);
    expect(hooked.nIter).toBeLessThan(200);
    expect(calls).toEqual(Array.from({ length: hooked.nIter }, (_, i) => i + 1));
    expect(JSON.stringify(hooked.toState())).toBe(JSON.stringify(plain.toState()));
    expect(Array.from(hooked.predictProba(test.X).data)).toEqual(
      Array.from(plain.predictProba(test.X).data),
    );
  });

  it('aborts the fit when the hook throws', () => {
    const stop = (done: number) => {
      if (done === 3) throw new Error('stop');
    };
    expect(() =>
      new HistGradientBoostingRegressor({ maxIter: 10 }).fit(train.X, train.y, {
        onProgress: stop,
      }),
    ).toThrow('stop');
  });
});
