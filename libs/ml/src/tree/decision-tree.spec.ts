import { DenseMatrix } from '../data/dense-matrix.js';
import { DecisionTreeClassifier, DecisionTreeRegressor } from './decision-tree.js';

const X = [[1], [2], [3], [10], [11], [12]];

describe('DecisionTreeClassifier', () => {
  it('splits two separated groups at the midpoint between them', () => {
    const t = new DecisionTreeClassifier().fit(X, [0, 0, 0, 1, 1, 1]);
    expect(t.tree.nodeCount).toBe(3);
    expect(t.tree.feature[0]).toBe(0);
    expect(t.tree.threshold[0]).toBe(6.5);
    expect(Array.from(t.predict([[6], [7]]))).toEqual([0, 1]);
    expect(t.predictProba([[0]]).row(0)).toEqual([1, 0]);
  });

  it('learns XOR even though the first split has zero Gini gain', () => {
    const xor = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const t = new DecisionTreeClassifier().fit(xor, [0, 1, 1, 0]);
    expect(Array.from(t.predict(xor))).toEqual([0, 1, 1, 0]);
  });

  it('keeps the original labels and honours maxDepth', () => {
    const t = new DecisionTreeClassifier({ maxDepth: 1 }).fit([[1], [2], [3], [4]], [7, 7, 9, 5]);
    expect(Array.from(t.classes)).toEqual([5, 7, 9]);
    expect(t.tree.nodeCount).toBe(3);
  });

  it('routes missing values to the side that fits them best', () => {
    const Xm = DenseMatrix.fromRows([[1], [2], [NaN], [NaN], [10], [11]]);
    const t = new DecisionTreeClassifier().fit(Xm, [0, 0, 1, 1, 1, 1]);
    expect(Array.from(t.predict([[NaN], [1.5], [10.5]]))).toEqual([1, 0, 1]);
  });

  it('uses the entropy criterion when asked', () => {
    const t = new DecisionTreeClassifier({ criterion: 'entropy' }).fit(X, [0, 0, 0, 1, 1, 1]);
    expect(t.tree.threshold[0]).toBe(6.5);
  });
});

describe('DecisionTreeRegressor', () => {
  it('predicts group means and reports impurity importances', () => {
    const rows = [
      [1, 5],
      [2, 5],
      [3, 5],
      [10, 5],
      [11, 5],
      [12, 5],
    ];
    const t = new DecisionTreeRegressor().fit(rows, [1, 1, 1, 5, 5, 5]);
    expect(
      Array.from(
        t.predict([
          [0, 5],
          [20, 5],
        ]),
      ),
    ).toEqual([1, 5]);
    expect(Array.from(t.featureImportances)).toEqual([1, 0]);
  });

  it('respects minSamplesLeaf', () => {
    const t = new DecisionTreeRegressor({ minSamplesLeaf: 3 }).fit(X, [1, 2, 3, 4, 5, 6]);
    expect(t.tree.nodeCount).toBe(3);
    expect(Array.from(t.predict([[0], [20]]))).toEqual([2, 5]);
  });
});
