import { KNeighborsClassifier, KNeighborsRegressor } from './k-neighbors.js';

const X = [[0], [1], [2], [10], [11]];

describe('k-nearest neighbours', () => {
  it('averages the targets of the k nearest rows', () => {
    const m = new KNeighborsRegressor({ nNeighbors: 2 }).fit(X, [0, 2, 4, 20, 22]);
    expect(Array.from(m.predict([[0.4], [10.6]]))).toEqual([1, 21]);
  });

  it('weights by inverse distance and lets exact matches win', () => {
    const m = new KNeighborsRegressor({ nNeighbors: 2, weights: 'distance' }).fit(
      X,
      [0, 2, 4, 20, 22],
    );
    expect(m.predict([[1]])[0]).toBe(2);
    // distances 0.25 and 0.75 → weights 4 and 4/3
    expect(m.predict([[0.25]])[0]).toBeCloseTo((4 * 0 + (4 / 3) * 2) / (4 + 4 / 3), 12);
  });

  it('votes for classes and reports vote shares', () => {
    const m = new KNeighborsClassifier({ nNeighbors: 3 }).fit(X, [5, 5, 6, 6, 6]);
    expect(Array.from(m.predict([[0], [11]]))).toEqual([5, 6]);
    expect(m.predictProba([[0]]).row(0)).toEqual([2 / 3, 1 / 3]);
    expect(() => m.predict([[1, 2]])).toThrow(RangeError);
    expect(() => new KNeighborsRegressor().predict(X)).toThrow(/not fitted/);
  });
});
