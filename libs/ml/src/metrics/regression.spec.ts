import {
  explainedVariance,
  kge,
  kgePrime,
  mae,
  mape,
  maxError,
  mse,
  nse,
  pbias,
  r2,
  regressionReport,
  rmse,
} from './regression.js';

const obs = [1, 2, 3, 4];
const sim = [1.5, 2, 2.5, 5];

describe('regression metrics', () => {
  it('match hand-computed values on a small case', () => {
    expect(mse(obs, sim)).toBeCloseTo(0.375, 12);
    expect(rmse(obs, sim)).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(mae(obs, sim)).toBeCloseTo(0.5, 12);
    expect(r2(obs, sim)).toBeCloseTo(0.7, 12);
    expect(maxError(obs, sim)).toBe(1);
    expect(mape(obs, sim)).toBeCloseTo((0.5 + 0.5 / 3 + 0.25) / 4, 12);
    // residuals -0.5, 0, 0.5, -1: mean -0.25, variance 0.3125; var(obs) = 1.25
    expect(explainedVariance(obs, sim)).toBeCloseTo(1 - 0.3125 / 1.25, 12);
  });

  it('gives NSE equal to R² against the observations', () => {
    expect(nse(obs, sim)).toBeCloseTo(0.7, 12);
  });

  it('gives PBIAS negative when the model over-estimates and positive when it under-estimates', () => {
    expect(pbias(obs, sim)).toBeCloseTo(-10, 12);
    expect(pbias([10, 10], [9, 8])).toBeCloseTo(15, 12);
  });

  it('scores a perfect simulation KGE = 1 and a doubled one 1 - √2 (KGE) and 0 (KGE′)', () => {
    expect(kge(obs, obs)).toBeCloseTo(1, 12);
    const doubled = obs.map((v) => 2 * v);
    expect(kge(obs, doubled)).toBeCloseTo(1 - Math.SQRT2, 12);
    expect(kgePrime(obs, doubled)).toBeCloseTo(0, 12);
  });

  it('returns NaN for NSE and KGE when the observations are constant', () => {
    expect(nse([2, 2, 2], [1, 2, 3])).toBeNaN();
    expect(kge([2, 2, 2], [1, 2, 3])).toBeNaN();
    expect(kgePrime([2, 2, 2], [1, 2, 3])).toBeNaN();
    expect(pbias([0, 0], [1, 1])).toBeNaN();
  });

  it('follows scikit-learn for R² of constant targets', () => {
    expect(r2([3, 3], [3, 3])).toBe(1);
    expect(r2([3, 3], [2, 3])).toBe(0);
  });

  it('skips and counts pairs with a missing observation or prediction', () => {
    const report = regressionReport([1, NaN, 3, 5], [1, 2, NaN, 4]);
    expect(report.skipped).toBe(2);
    expect(report.n).toBe(2);
    expect(report.mae).toBeCloseTo(0.5, 12);
    expect(mse([1, NaN], [2, 3])).toBe(1);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => mse([1, 2], [1])).toThrow(RangeError);
  });
});
