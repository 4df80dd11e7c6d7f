import { DenseMatrix } from '../data/dense-matrix.js';
import { expectArray, expectNumber, expectString } from '../util/codec.js';
import { NotFittedError, type ModelState, type Transformer } from '../util/estimator.js';
import { categoryKeys, countKeys } from './category-keys.js';

export interface OneHotEncoderOptions {
  /**
   * Categories seen fewer times than this in fit (a count, or a fraction of rows when < 1) share one
   * "infrequent" column.
   */
  readonly minFrequency?: number;
}

/**
 * One 0/1 column per category of each input column. Unknown categories and missing values encode
 * as all zeros (scikit-learn's handle_unknown='ignore'); categories that were infrequent in fit
 * share one column.
 */
export class OneHotEncoder implements Transformer {
  private categories?: string[][];
  private infrequent: string[][] = [];
  private names: string[] = [];

  constructor(private readonly opts: OneHotEncoderOptions = {}) {}

  fit(X: DenseMatrix): this {
    const minFreq = this.opts.minFrequency ?? 0;
    const threshold = minFreq > 0 && minFreq < 1 ? minFreq * X.nRows : minFreq;
    this.categories = [];
    this.infrequent = [];
    this.names = X.columns.map((c) => c.name);
    for (let j = 0; j < X.nCols; j++) {
      const counts = countKeys(categoryKeys(X, j));
      const frequent = counts.filter(([, c]) => c >= threshold).map(([k]) => k);
      this.categories.push(frequent);
      this.infrequent.push(counts.filter(([, c]) => c < threshold).map(([k]) => k));
    }
    return this;
  }

  transform(X: DenseMatrix): DenseMatrix {
    const cats = this.fitted();
    if (X.nCols !== cats.length)
      throw new RangeError(`expected ${cats.length} columns, got ${X.nCols}`);
    const cols: Float64Array[] = [];
    for (let j = 0; j < X.nCols; j++) {
      const keys = categoryKeys(X, j);
      const index = new Map(cats[j].map((k, c) => [k, c]));
      const rare = new Set(this.infrequent[j]);
      const width = cats[j].length + (rare.size > 0 ? 1 : 0);
      const block = Array.from({ length: width }, () => new Float64Array(X.nRows));
      keys.forEach((k, i) => {
        if (k === null) return;
        const c = index.get(k);
        if (c !== undefined) block[c][i] = 1;
        else if (rare.has(k)) block[width - 1][i] = 1;
      });
      cols.push(...block);
    }
    const names = this.featureNames;
    return DenseMatrix.fromColumns(
      cols,
      names.map((name) => ({ name, type: 'numeric' })),
    );
  }

  get featureNames(): string[] {
    const cats = this.fitted();
    return cats.flatMap((cs, j) => [
      ...cs.map((k) => `${this.names[j]}=${k}`),
      ...(this.infrequent[j].length > 0 ? [`${this.names[j]}=infrequent`] : []),
    ]);
  }

  private fitted(): string[][] {
    if (!this.categories) throw new NotFittedError('OneHotEncoder');
    return this.categories;
  }

  toState(): ModelState {
    return {
      kind: 'OneHotEncoder',
      categories: this.fitted(),
      infrequent: this.infrequent,
      names: this.names,
      minFrequency: this.opts.minFrequency ?? 0,
    };
  }

  static fromState(state: ModelState): OneHotEncoder {
    const enc = new OneHotEncoder({ minFrequency: expectNumber(state.minFrequency) });
    enc.categories = expectArray(state.categories).map((cs) => expectArray(cs).map(expectString));
    enc.infrequent = expectArray(state.infrequent).map((cs) => expectArray(cs).map(expectString));
    enc.names = expectArray(state.names).map(expectString);
    return enc;
  }
}
