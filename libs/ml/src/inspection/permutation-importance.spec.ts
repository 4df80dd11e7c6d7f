import { LinearRegression } from '../linear/linear-regression.js';
import { r2 } from '../metrics/regression.js';
import { Random } from '../util/random.js';
import { permutationImportance } from './permutation-importance.js';

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
});
