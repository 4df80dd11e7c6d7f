import { DenseMatrix } from '../data/dense-matrix.js';
import { expectArray, expectNumber, expectObject, expectString } from '../util/codec.js';
import { NotFittedError, type Json, type ModelState, type Transformer } from '../util/estimator.js';
import { KFold } from '../validation/folds.js';
import { categoryKeys } from './category-keys.js';

export interface TargetEncoderOptions {
  /** Shrinkage towards the global mean: a count, or 'auto' (empirical Bayes, default). */
  readonly smooth?: number | 'auto';
  /** Folds of the cross-fitting in fitTransform (default 5). */
  readonly cv?: number;
  readonly seed?: number;
}

type Encoding = Map<string, number>;

/**
 * Replaces each category by a smoothed mean of the target (regression or binary 0/1 targets).
 * `fitTransform` cross-fits: a training row is encoded with statistics of the other folds, so the
 * model downstream never sees its own target leak through the encoding. Unknown or missing
 * categories get the global mean.
 */
export class TargetEncoder implements Transformer {
  private encodings?: Encoding[];
  private globalMean = 0;

  constructor(private readonly opts: TargetEncoderOptions = {}) {}

  fit(X: DenseMatrix, y?: Float64Array): this {
    const target = requireTarget(X, y);
    this.globalMean = target.reduce((a, b) => a + b, 0) / target.length;
    this.encodings = X.columns.map((_, j) => this.encode(categoryKeys(X, j), target, null));
    return this;
  }

  /** Fits on all rows, but encodes each training row out of fold. */
  fitTransform(X: DenseMatrix, y?: Float64Array): DenseMatrix {
    const target = requireTarget(X, y);
    this.fit(X, target);
    const out = DenseMatrix.zeros(X.nRows, X.nCols, this.outputColumns(X));
    const folds = new KFold({
      nSplits: this.opts.cv ?? 5,
      shuffle: true,
      seed: this.opts.seed ?? 0,
    }).split(X.nRows);
    for (let j = 0; j < X.nCols; j++) {
      const keys = categoryKeys(X, j);
      for (const fold of folds) {
        const inTrain = new Uint8Array(X.nRows);
        for (const i of fold.train) inTrain[i] = 1;
        const enc = this.encode(keys, target, inTrain);
        const foldMean = fold.train.reduce((a, i) => a + target[i], 0) / fold.train.length;
        for (const i of fold.test) out.set(i, j, this.lookup(enc, keys[i], foldMean));
      }
    }
    return out;
  }

  transform(X: DenseMatrix): DenseMatrix {
    if (!this.encodings) throw new NotFittedError('TargetEncoder');
    const encs = this.encodings;
    if (X.nCols !== encs.length)
      throw new RangeError(`expected ${encs.length} columns, got ${X.nCols}`);
    const cols = encs.map((enc, j) =>
      Float64Array.from(categoryKeys(X, j), (k) => this.lookup(enc, k)),
    );
    return DenseMatrix.fromColumns(cols, this.outputColumns(X));
  }

  private lookup(enc: Encoding, key: string | null, fallback = this.globalMean): number {
    return key === null ? fallback : (enc.get(key) ?? fallback);
  }

  private outputColumns(X: DenseMatrix): { name: string; type: 'numeric' }[] {
    return X.columns.map((c) => ({ name: c.name, type: 'numeric' as const }));
  }

  /** Smoothed per-category means over the rows flagged in `use` (all rows when null). */
  private encode(keys: (string | null)[], y: Float64Array, use: Uint8Array | null): Encoding {
    const stats = new Map<string, { n: number; sum: number; sq: number }>();
    let n = 0;
    let sum = 0;
    let sq = 0;
    keys.forEach((k, i) => {
      if (use && !use[i]) return;
      n++;
      sum += y[i];
      sq += y[i] * y[i];
      if (k === null) return;
      const s = stats.get(k) ?? { n: 0, sum: 0, sq: 0 };
      s.n++;
      s.sum += y[i];
      s.sq += y[i] * y[i];
      stats.set(k, s);
    });
    const mean = sum / n;
    const varY = sq / n - mean * mean;
    const out: Encoding = new Map();
    for (const [k, s] of stats) {
      const varC = s.sq / s.n - (s.sum / s.n) ** 2;
      const m =
        this.opts.smooth === undefined || this.opts.smooth === 'auto'
          ? varY > 0
            ? varC / varY
            : 0
          : this.opts.smooth;
      out.set(k, (s.sum + m * mean) / (s.n + m));
    }
    return out;
  }

  toState(): ModelState {
    if (!this.encodings) throw new NotFittedError('TargetEncoder');
    return {
      kind: 'TargetEncoder',
      globalMean: this.globalMean,
      smooth: this.opts.smooth ?? 'auto',
      encodings: this.encodings.map((e): Json => Object.fromEntries(e)),
    };
  }

  static fromState(state: ModelState): TargetEncoder {
    const smooth = state.smooth === 'auto' ? 'auto' : expectNumber(state.smooth);
    const enc = new TargetEncoder({ smooth });
    enc.globalMean = expectNumber(state.globalMean);
    enc.encodings = expectArray(state.encodings).map(
      (o) =>
        new Map(
          Object.entries(expectObject(o)).map(([k, v]) => [expectString(k), expectNumber(v)]),
        ),
    );
    return enc;
  }
}

function requireTarget(X: DenseMatrix, y: Float64Array | undefined): Float64Array {
  if (!y || y.length !== X.nRows)
    throw new RangeError('TargetEncoder needs a target with one value per row');
  return y;
}
