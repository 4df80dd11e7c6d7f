import { DenseMatrix } from '../data/dense-matrix.js';
import { expectArray, expectString } from '../util/codec.js';
import { NotFittedError, type ModelState, type Transformer } from '../util/estimator.js';
import { categoryKeys, countKeys } from './category-keys.js';

/**
 * Maps each column's categories to 0..k-1 in sorted order. Unknown categories and missing values
 * become NaN, which the gradient-boosting models route natively.
 */
export class OrdinalEncoder implements Transformer {
  private categories?: string[][];

  fit(X: DenseMatrix): this {
    this.categories = [];
    for (let j = 0; j < X.nCols; j++)
      this.categories.push(countKeys(categoryKeys(X, j)).map(([k]) => k));
    return this;
  }

  transform(X: DenseMatrix): DenseMatrix {
    if (!this.categories) throw new NotFittedError('OrdinalEncoder');
    const cats = this.categories;
    if (X.nCols !== cats.length)
      throw new RangeError(`expected ${cats.length} columns, got ${X.nCols}`);
    const cols = cats.map((cs, j) => {
      const index = new Map(cs.map((k, c) => [k, c]));
      return Float64Array.from(categoryKeys(X, j), (k) =>
        k === null ? NaN : (index.get(k) ?? NaN),
      );
    });
    return DenseMatrix.fromColumns(
      cols,
      X.columns.map((c, j) => ({ name: c.name, type: 'categorical', categories: cats[j] })),
    );
  }

  toState(): ModelState {
    if (!this.categories) throw new NotFittedError('OrdinalEncoder');
    return { kind: 'OrdinalEncoder', categories: this.categories };
  }

  static fromState(state: ModelState): OrdinalEncoder {
    const enc = new OrdinalEncoder();
    enc.categories = expectArray(state.categories).map((cs) => expectArray(cs).map(expectString));
    return enc;
  }
}
