import { categoricalDistribution, floatDistribution } from '../../core/distributions.js';
import { Rng } from '../../core/rng.js';
import { ParzenEstimator } from './parzen-estimator.js';
import type { ParzenParams } from './parzen-kernels.js';

const OPTUNA: ParzenParams = {
  considerPrior: true,
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
  multivariate: false,
  multivariateBandwidth: 'scott',
};

describe('ParzenEstimator', () => {
  // Reference numbers from Optuna 3.1's _ParzenEstimator on the same observations.
  it('scores points as Optuna 3.1 does', () => {
    const space = { x: floatDistribution(-5, 10) };
    const estimator = new ParzenEstimator(
      { x: [1, 2.5, -3, 7, 0.2] },
      space,
      OPTUNA,
      [1, 1, 1, 1, 1],
    );
    const logPdf = estimator.logPdf({ x: [-4, 0, 1.1, 5, 9.9] }, 5);
    const expected = [-1.26025561, -0.86789289, -0.8245565, -1.1258461, -1.48145888];
    logPdf.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
  });

  it('samples inside the bounds and favours observed categories', () => {
    const space = { x: floatDistribution(0, 1), c: categoricalDistribution(['a', 'b', 'c']) };
    const estimator = new ParzenEstimator(
      { x: [0.1, 0.12, 0.9], c: [2, 2, 2] },
      space,
      { ...OPTUNA, multivariate: true, multivariateBandwidth: 'neighbour' },
      [1, 1, 1],
    );
    const samples = estimator.sample(new Rng(1), 400);
    expect(samples['x'].every((v) => v >= 0 && v <= 1)).toBe(true);
    const share = samples['c'].filter((c) => c === 2).length / 400;
    expect(share).toBeGreaterThan(0.6);
  });
});
