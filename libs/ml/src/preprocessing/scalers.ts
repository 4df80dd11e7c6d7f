import { DenseMatrix } from '../data/dense-matrix.js';
import { decodeF64, encodeF64 } from '../util/codec.js';
import { NotFittedError, type ModelState, type Transformer } from '../util/estimator.js';
import { nanMean, nanStd, quantileSorted, sortedFinite } from '../util/stats.js';

export type ScalerKind = 'standard' | 'minMax' | 'robust';

/**
 * Per-column affine scaling x' = (x - center) / scale, fitted ignoring NaN (NaN passes through).
 * A zero scale becomes 1, as in scikit-learn.
 */
abstract class AffineScaler implements Transformer {
  protected center?: Float64Array;
  protected scale?: Float64Array;

  protected abstract readonly kind: string;
  protected abstract columnStats(col: Float64Array | Float32Array): [center: number, scale: number];

  fit(X: DenseMatrix): this {
    this.center = new Float64Array(X.nCols);
    this.scale = new Float64Array(X.nCols);
    for (let j = 0; j < X.nCols; j++) {
      const [c, s] = this.columnStats(X.column(j));
      this.center[j] = Number.isNaN(c) ? 0 : c;
      this.scale[j] = s === 0 || Number.isNaN(s) ? 1 : s;
    }
    return this;
  }

  transform(X: DenseMatrix): DenseMatrix {
    const { center, scale } = this.fitted();
    if (X.nCols !== center.length)
      throw new RangeError(`expected ${center.length} columns, got ${X.nCols}`);
    const out = new Float64Array(X.data.length);
    for (let j = 0; j < X.nCols; j++) {
      const base = j * X.nRows;
      const c = center[j];
      const s = scale[j];
      for (let i = 0; i < X.nRows; i++) out[base + i] = (X.data[base + i] - c) / s;
    }
    return new DenseMatrix(X.nRows, X.nCols, out, X.columns);
  }

  /** Fitted per-column centres and scales (copies). */
  get parameters(): { center: Float64Array; scale: Float64Array } {
    const { center, scale } = this.fitted();
    return { center: center.slice(), scale: scale.slice() };
  }

  toState(): ModelState {
    const { center, scale } = this.fitted();
    return { kind: this.kind, center: encodeF64(center), scale: encodeF64(scale) };
  }

  protected restore(state: ModelState): this {
    this.center = decodeF64(state.center);
    this.scale = decodeF64(state.scale);
    return this;
  }

  private fitted(): { center: Float64Array; scale: Float64Array } {
    if (!this.center || !this.scale) throw new NotFittedError(this.kind);
    return { center: this.center, scale: this.scale };
  }
}

/** Zero mean, unit (population) variance. */
export class StandardScaler extends AffineScaler {
  protected readonly kind = 'StandardScaler';
  protected columnStats(col: Float64Array | Float32Array): [number, number] {
    const m = nanMean(col);
    return [m, nanStd(col, m)];
  }
  static fromState(state: ModelState): StandardScaler {
    return new StandardScaler().restore(state);
  }
}

/** Maps each column's training range to [0, 1]. */
export class MinMaxScaler extends AffineScaler {
  protected readonly kind = 'MinMaxScaler';
  protected columnStats(col: Float64Array | Float32Array): [number, number] {
    const s = sortedFinite(col);
    return s.length === 0 ? [NaN, NaN] : [s[0], s[s.length - 1] - s[0]];
  }
  static fromState(state: ModelState): MinMaxScaler {
    return new MinMaxScaler().restore(state);
  }
}

/** Centres on the median and scales by the inter-quartile range (25th-75th percentile). */
export class RobustScaler extends AffineScaler {
  protected readonly kind = 'RobustScaler';
  protected columnStats(col: Float64Array | Float32Array): [number, number] {
    const s = sortedFinite(col);
    return [quantileSorted(s, 0.5), quantileSorted(s, 0.75) - quantileSorted(s, 0.25)];
  }
  static fromState(state: ModelState): RobustScaler {
    return new RobustScaler().restore(state);
  }
}
