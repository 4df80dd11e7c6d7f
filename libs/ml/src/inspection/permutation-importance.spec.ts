import { DenseMatrix, toMatrix } from '../data/dense-matrix.js';
import { LinearRegression } from '../linear/linear-regression.js';
import { r2 } from '../metrics/regression.js';
import type { Estimator } from '../util/estimator.js';
import { Random } from '../util/random.js';
import { permutationImportance } from './permutation-importance.js';

/** The model, with the rows of every predict call recorded. */
function counting(model: Estimator): { counted: Estimator; calls: number[] } {
  const calls: number[] = [];
  const counted: Estimator = {
    fit: () => counted,
    predict: (m) => (calls.push(toMatrix(m).nRows), model.predict(m)),
    toState: () => model.toState(),
  };
  return { counted, calls };
}

describe('permutationImportance', () => {
  it('ranks the informative column first and leaves the noise column near zero', () => {
    const rng = new Random(5);
    const X = Array.from({ length: 200 }, () => [rng.next(), rng.next()]);
    const y = X.map(([a]) => 4 * a);
    const model = new LinearRegression().fit(X, y);
    const res = permutationImportance(model, X, y, { scoring: r2, nRepeats: 3, seed: 1 });
    expect(res.baselineScore).toBeCloseTo(1, 10);
    expect(res.importancesMean[0]).toBeGreaterThan(1);
    expect(Math.abs(res.importancesMean[1])).toBeLessThan(1e-9);
    expect(res.importances[0]).toHaveLength(3);
    expect(res.importancesStd[1]).toBeLessThan(1e-9);
  });

  it('gives, predicting many shuffled copies per call, the drops of shuffling one at a time', () => {
    const rng = new Random(9);
    const n = 25_000; // two shuffled copies per call: several calls, one of them partial
    const X = Array.from({ length: n }, () => [rng.next(), rng.next(), rng.next()]);
    const y = X.map(([a, b, c]) => 3 * a - 2 * b + c * c);
    const model = new LinearRegression().fit(X, y);
    const { counted, calls } = counting(model);
    const res = permutationImportance(counted, X, y, { scoring: r2, nRepeats: 3, seed: 4 });
    expect(calls).toEqual([n, 2 * n, 2 * n, 2 * n, 2 * n, n]);
    // the same shuffles, drawn in the same order, one predict each
    const order = new Random(4);
    const m = DenseMatrix.fromRows(X);
    const yv = Float64Array.from(y);
    const base = r2(yv, model.predict(m));
    for (let j = 0; j < 3; j++) {
      for (let r = 0; r < 3; r++) {
        const perm = order.permutation(n);
        const shuffled = X.map((row, i) => row.map((v, c) => (c === j ? X[perm[i]][c] : v)));
        const drop = base - r2(yv, model.predict(DenseMatrix.fromRows(shuffled)));
        expect(res.importances[j][r]).toBe(drop);
      }
    }
  });

  it('stacks fewer copies of wide data, so a call stays within its memory budget', () => {
    const rng = new Random(3);
    const p = 200;
    const X = Array.from({ length: 1000 }, () => Array.from({ length: p }, () => rng.next()));
    const y = X.map((row) => row[0]);
    const model = new LinearRegression().fit(X, y);
    const { counted, calls } = counting(model);
    permutationImportance(counted, X, y, { scoring: r2, nRepeats: 1, seed: 1 });
    // 200 shuffled copies of 1000 x 200 values: at most 20 (4,194,304 values) per call
    expect(Math.max(...calls.slice(1))).toBe(20_000);
    expect(calls.slice(1).reduce((a, b) => a + b, 0)).toBe(200_000);
  });
});
