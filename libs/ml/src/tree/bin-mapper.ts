import type { DenseMatrix } from '../data/dense-matrix.js';
import { decodeF64, encodeF64, expectArray } from '../util/codec.js';
import type { Json } from '../util/estimator.js';
import { sortFloat64 } from '../util/float-sort.js';
import { Random } from '../util/random.js';

/** Bin code of a missing value; real values use codes 0..254. */
export const MISSING_BIN = 255;

/**
 * Per-feature bin thresholds, scikit-learn style: with at most `maxBins` distinct values each gets its
 * own bin (thresholds at midpoints), else thresholds are midpoint percentiles. A value x goes to the
 * first bin b with x <= thresholds[b] (or the last bin), so a split "bin <= b" is "x <= thresholds[b]".
 */
export class BinMapper {
  constructor(readonly thresholds: readonly Float64Array[]) {}

  static fit(X: DenseMatrix, maxBins = 255, subsample = 200_000, seed = 0): BinMapper {
    if (maxBins < 2 || maxBins > 255) throw new RangeError('maxBins must be in [2, 255]');
    const rows =
      X.nRows > subsample ? new Random(seed).permutation(X.nRows).subarray(0, subsample) : null;
    const thresholds: Float64Array[] = [];
    for (let j = 0; j < X.nCols; j++) {
      const col = X.column(j);
      const values = rows ? Float64Array.from(rows, (i) => col[i]) : Float64Array.from(col);
      thresholds.push(featureThresholds(values, maxBins));
    }
    return new BinMapper(thresholds);
  }

  /** Number of real-value bins of feature j. */
  nBins(j: number): number {
    return this.thresholds[j].length + 1;
  }

  /** Column-major bin codes (same layout as X). */
  transform(X: DenseMatrix): Uint8Array {
    if (X.nCols !== this.thresholds.length) {
      throw new RangeError(`expected ${this.thresholds.length} columns, got ${X.nCols}`);
    }
    const out = new Uint8Array(X.nRows * X.nCols);
    for (let j = 0; j < X.nCols; j++) {
      const t = this.thresholds[j];
      const base = j * X.nRows;
      for (let i = 0; i < X.nRows; i++) out[base + i] = binOf(t, X.data[base + i]);
    }
    return out;
  }

  toJSON(): Json {
    return this.thresholds.map(encodeF64);
  }

  static fromJSON(json: Json): BinMapper {
    return new BinMapper(expectArray(json).map((s) => decodeF64(s)));
  }
}

/** Number of thresholds below x (x <= t[b] lands in bin b), NaN in the missing bin. */
function binOf(t: Float64Array, x: number): number {
  if (x !== x) return MISSING_BIN;
  let lo = 0;
  let len = t.length;
  while (len > 0) {
    const half = len >>> 1;
    if (x > t[lo + half]) {
      lo += half + 1;
      len -= half + 1;
    } else len = half;
  }
  return lo;
}

function featureThresholds(values: Float64Array, maxBins: number): Float64Array {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) values[k++] = values[i];
  const sorted = sortFloat64(values.subarray(0, k));
  // distinct values, but stop counting once there are too many for one bin each
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length && distinct.length <= maxBins; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  }
  if (distinct.length <= maxBins) {
    const mids = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i < mids.length; i++) mids[i] = (distinct[i] + distinct[i + 1]) / 2;
    return mids;
  }
  const out: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = midpointPercentile(sorted, (100 * b) / maxBins);
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return Float64Array.from(out);
}

/** numpy.percentile(..., method='midpoint'). */
function midpointPercentile(sorted: Float64Array, q: number): number {
  const pos = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] + sorted[hi]) / 2;
}
