import { DenseMatrix, type ColumnInfo } from '../data/dense-matrix.js';
import { decodeF64, encodeF64, expectArray, expectNumber, expectString } from '../util/codec.js';
import { NotFittedError, type ModelState, type Transformer } from '../util/estimator.js';
import { mostFrequent, nanMean, quantileSorted, sortedFinite } from '../util/stats.js';

export type ImputeStrategy = 'mean' | 'median' | 'mostFrequent' | 'constant';

export interface SimpleImputerOptions {
  readonly strategy?: ImputeStrategy;
  /** Value used by the 'constant' strategy (default 0). */
  readonly fillValue?: number;
  /** Append a 0/1 column for each column that had missing values in fit (as scikit-learn). */
  readonly addIndicator?: boolean;
}

/** Replaces NaN per column by a statistic of the training data. An all-NaN column is filled with 0. */
export class SimpleImputer implements Transformer {
  private fillValues?: Float64Array;
  private indicatorColumns: number[] = [];
  readonly strategy: ImputeStrategy;

  constructor(private readonly opts: SimpleImputerOptions = {}) {
    this.strategy = opts.strategy ?? 'mean';
  }

  fit(X: DenseMatrix): this {
    this.fillValues = new Float64Array(X.nCols);
    this.indicatorColumns = [];
    for (let j = 0; j < X.nCols; j++) {
      const col = X.column(j);
      const v = this.statistic(col);
      this.fillValues[j] = Number.isNaN(v) ? 0 : v;
      if (this.opts.addIndicator && col.some((x) => Number.isNaN(x))) this.indicatorColumns.push(j);
    }
    return this;
  }

  private statistic(col: Float64Array | Float32Array): number {
    switch (this.strategy) {
      case 'mean':
        return nanMean(col);
      case 'median':
        return quantileSorted(sortedFinite(col), 0.5);
      case 'mostFrequent':
        return mostFrequent(col);
      case 'constant':
        return this.opts.fillValue ?? 0;
    }
  }

  get statistics(): Float64Array {
    if (!this.fillValues) throw new NotFittedError('SimpleImputer');
    return this.fillValues.slice();
  }

  transform(X: DenseMatrix): DenseMatrix {
    const fill = this.statistics;
    if (X.nCols !== fill.length)
      throw new RangeError(`expected ${fill.length} columns, got ${X.nCols}`);
    const n = X.nRows;
    const nOut = X.nCols + this.indicatorColumns.length;
    const out = new Float64Array(n * nOut);
    for (let j = 0; j < X.nCols; j++) {
      for (let i = 0; i < n; i++) {
        const v = X.data[j * n + i];
        out[j * n + i] = Number.isNaN(v) ? fill[j] : v;
      }
    }
    const infos: ColumnInfo[] = [...X.columns];
    this.indicatorColumns.forEach((src, k) => {
      const base = (X.nCols + k) * n;
      for (let i = 0; i < n; i++) out[base + i] = Number.isNaN(X.data[src * n + i]) ? 1 : 0;
      infos.push({ name: `missing(${X.columns[src].name})`, type: 'numeric' });
    });
    return new DenseMatrix(n, nOut, out, infos);
  }

  toState(): ModelState {
    return {
      kind: 'SimpleImputer',
      strategy: this.strategy,
      fillValues: encodeF64(this.statistics),
      indicatorColumns: this.indicatorColumns,
    };
  }

  static fromState(state: ModelState): SimpleImputer {
    const imp = new SimpleImputer({ strategy: expectString(state.strategy) as ImputeStrategy });
    imp.fillValues = decodeF64(state.fillValues);
    imp.indicatorColumns = expectArray(state.indicatorColumns).map((v) => expectNumber(v));
    return imp;
  }
}
