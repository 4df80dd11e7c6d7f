import { ElasticNet, Lasso } from './elastic-net.js';
import { minimizeLbfgs } from './lbfgs.js';
import { LinearRegression, Ridge } from './linear-regression.js';
import { LogisticRegression } from './logistic-regression.js';

const X = [
  [1, 0],
  [2, 1],
  [3, 0],
  [4, 1],
  [5, 0],
];
const y = X.map(([a, b]) => 2 * a - 3 * b + 1);

describe('LinearRegression', () => {
  it('recovers exact coefficients of noiseless data', () => {
    const m = new LinearRegression().fit(X, y);
    expect(m.coef[0]).toBeCloseTo(2, 12);
    expect(m.coef[1]).toBeCloseTo(-3, 12);
    expect(m.intercept).toBeCloseTo(1, 12);
    expect(m.predict([[10, 1]])[0]).toBeCloseTo(18, 10);
  });

  it('gives a zero coefficient to a duplicated column instead of failing', () => {
    const dup = X.map(([a]) => [a, a]);
    const m = new LinearRegression().fit(
      dup,
      X.map(([a]) => 3 * a),
    );
    expect(m.coef[0] + m.coef[1]).toBeCloseTo(3, 10);
    expect(m.predict([[2, 2]])[0]).toBeCloseTo(6, 10);
  });

  it('refuses to predict before fit or with the wrong width', () => {
    expect(() => new LinearRegression().predict(X)).toThrow(/not fitted/);
    expect(() => new LinearRegression().fit(X, y).predict([[1]])).toThrow(RangeError);
    expect(() => new LinearRegression().fit(X, [1])).toThrow(RangeError);
  });
});

describe('Ridge', () => {
  it('matches the closed form w = Σxy / (Σx² + α) on one centred feature', () => {
    // x = [-1, 0, 1], y = [-2, 0, 2]: Σxy = 4, Σx² = 2 → w = 4 / (2 + α)
    const m = new Ridge({ alpha: 2 }).fit([[-1], [0], [1]], [-2 + 5, 5, 2 + 5]);
    expect(m.coef[0]).toBeCloseTo(1, 12);
    expect(m.intercept).toBeCloseTo(5, 12);
    expect(new Ridge({ alpha: 0 }).fit(X, y).coef[0]).toBeCloseTo(2, 10);
  });
});

describe('Lasso and ElasticNet', () => {
  it('soft-thresholds a single standardised feature', () => {
    // one feature with Σx²/n = 1: w = S(Σxy/n, α) = 2 - 0.5
    const x = [[-1], [1], [-1], [1]];
    const t = [-2, 2, -2, 2];
    expect(new Lasso({ alpha: 0.5 }).fit(x, t).coef[0]).toBeCloseTo(1.5, 10);
    // elastic net: S(2, α·ρ) / (1 + α(1-ρ)) = 1.75 / 1.25
    expect(new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(x, t).coef[0]).toBeCloseTo(1.4, 10);
    expect(new Lasso({ alpha: 5 }).fit(x, t).coef[0]).toBe(0);
  });
});

describe('LogisticRegression', () => {
  it('separates two classes and returns probabilities that sum to one', () => {
    const xs = [[-2], [-1], [-0.5], [0.5], [1], [2]];
    const m = new LogisticRegression().fit(xs, [0, 0, 0, 1, 1, 1]);
    expect(Array.from(m.predict([[-3], [3]]))).toEqual([0, 1]);
    const p = m.predictProba([[0]]).row(0);
    expect(p[0] + p[1]).toBeCloseTo(1, 12);
    expect(p[1]).toBeCloseTo(0.5, 6);
  });

  it('fits a multinomial model for three classes with the original labels', () => {
    const xs = [[0], [0.2], [5], [5.2], [10], [10.2]];
    const m = new LogisticRegression({ C: 100 }).fit(xs, [7, 7, 8, 8, 9, 9]);
    expect(Array.from(m.predict([[0.1], [5.1], [10.1]]))).toEqual([7, 8, 9]);
    expect(m.coef).toHaveLength(3);
    expect(m.intercept).toHaveLength(3);
    expect(() => new LogisticRegression().fit(xs, [1, 1, 1, 1, 1, 1])).toThrow(RangeError);
  });
});

describe('minimizeLbfgs', () => {
  it('finds the minimum of a convex quadratic', () => {
    const res = minimizeLbfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        g[1] = 20 * (x[1] + 1);
        return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2;
      },
      new Float64Array(2),
      { tol: 1e-10 },
    );
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(3, 8);
    expect(res.x[1]).toBeCloseTo(-1, 8);
  });
});
