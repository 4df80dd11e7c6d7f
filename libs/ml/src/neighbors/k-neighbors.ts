import {
  DenseMatrix,
  toMatrix,
  toVector,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { argmaxLabels } from '../tree/decision-tree.js';
import { decodeF64, encodeF64, expectNumber, expectString } from '../util/codec.js';
import {
  NotFittedError,
  type Classifier,
  type Estimator,
  type ModelState,
} from '../util/estimator.js';
import { encodeLabels } from '../util/labels.js';

export interface KNeighborsOptions {
  /** Neighbours used (default 5). */
  readonly nNeighbors?: number;
  /** 'uniform' (default) or 'distance' (inverse-distance weights; exact matches dominate). */
  readonly weights?: 'uniform' | 'distance';
}

interface Fitted {
  X: DenseMatrix;
  y: Float64Array;
}

/** Brute-force Euclidean neighbour search: indices and distances of the k nearest rows. */
function nearest(
  train: DenseMatrix,
  Q: DenseMatrix,
  i: number,
  k: number,
  idx: Int32Array,
  dist: Float64Array,
): void {
  const n = train.nRows;
  const p = train.nCols;
  const d2 = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const q = Q.data[j * Q.nRows + i];
    const base = j * n;
    for (let r = 0; r < n; r++) {
      const diff = train.data[base + r] - q;
      d2[r] += diff * diff;
    }
  }
  let filled = 0;
  for (let r = 0; r < n; r++) {
    const v = d2[r];
    if (filled === k && v >= dist[k - 1]) continue;
    let pos = filled < k ? filled++ : k - 1;
    while (pos > 0 && dist[pos - 1] > v) {
      dist[pos] = dist[pos - 1];
      idx[pos] = idx[pos - 1];
      pos--;
    }
    dist[pos] = v;
    idx[pos] = r;
  }
  for (let t = 0; t < k; t++) dist[t] = Math.sqrt(dist[t]);
}

abstract class KNeighborsBase {
  protected fitted?: Fitted;
  readonly nNeighbors: number;
  readonly weights: 'uniform' | 'distance';

  constructor(opts: KNeighborsOptions = {}) {
    this.nNeighbors = opts.nNeighbors ?? 5;
    this.weights = opts.weights ?? 'uniform';
  }

  /** Calls visit(i, neighbour indices, weights) for each query row. */
  protected eachQuery(
    X: MatrixLike,
    visit: (i: number, idx: Int32Array, w: Float64Array) => void,
  ): number {
    if (!this.fitted) throw new NotFittedError('KNeighbors');
    const train = this.fitted.X;
    const Q = toMatrix(X);
    if (Q.nCols !== train.nCols)
      throw new RangeError(`expected ${train.nCols} columns, got ${Q.nCols}`);
    const k = Math.min(this.nNeighbors, train.nRows);
    const idx = new Int32Array(k);
    const dist = new Float64Array(k);
    const w = new Float64Array(k);
    for (let i = 0; i < Q.nRows; i++) {
      nearest(train, Q, i, k, idx, dist);
      const exact = dist[0] === 0;
      for (let t = 0; t < k; t++) {
        if (this.weights === 'uniform') w[t] = 1;
        else w[t] = exact ? (dist[t] === 0 ? 1 : 0) : 1 / dist[t];
      }
      visit(i, idx, w);
    }
    return Q.nRows;
  }

  protected store(X: MatrixLike, y: Float64Array): void {
    const m = toMatrix(X);
    if (m.nRows !== y.length) throw new RangeError(`X has ${m.nRows} rows but y has ${y.length}`);
    this.fitted = { X: m, y };
  }

  protected stateFields(): { [key: string]: string | number } {
    if (!this.fitted) throw new NotFittedError('KNeighbors');
    const { X, y } = this.fitted;
    return {
      nNeighbors: this.nNeighbors,
      weights: this.weights,
      nRows: X.nRows,
      nCols: X.nCols,
      X: encodeF64(Float64Array.from(X.data)),
      y: encodeF64(y),
    };
  }

  protected restore(s: ModelState): void {
    const X = new DenseMatrix(expectNumber(s.nRows), expectNumber(s.nCols), decodeF64(s.X));
    this.fitted = { X, y: decodeF64(s.y) };
  }
}

/** k-nearest-neighbour regression (weighted mean of the neighbours' targets). */
export class KNeighborsRegressor extends KNeighborsBase implements Estimator {
  fit(X: MatrixLike, y: VectorLike): this {
    this.store(X, toVector(y));
    return this;
  }

  predict(X: MatrixLike): Float64Array {
    const y = this.fitted?.y ?? new Float64Array(0);
    const out: number[] = [];
    this.eachQuery(X, (i, idx, w) => {
      let s = 0;
      let ws = 0;
      for (let t = 0; t < idx.length; t++) {
        s += w[t] * y[idx[t]];
        ws += w[t];
      }
      out[i] = s / ws;
    });
    return Float64Array.from(out);
  }

  toState(): ModelState {
    return { kind: 'KNeighborsRegressor', ...this.stateFields() };
  }

  static fromState(s: ModelState): KNeighborsRegressor {
    const weights = expectString(s.weights) === 'distance' ? 'distance' : 'uniform';
    const m = new KNeighborsRegressor({ nNeighbors: expectNumber(s.nNeighbors), weights });
    m.restore(s);
    return m;
  }
}

/** k-nearest-neighbour classification; probabilities are the neighbours' (weighted) class shares. */
export class KNeighborsClassifier extends KNeighborsBase implements Classifier {
  classes: Float64Array = new Float64Array(0);

  fit(X: MatrixLike, y: VectorLike): this {
    const { classes, codes } = encodeLabels(toVector(y));
    this.classes = classes;
    this.store(X, Float64Array.from(codes));
    return this;
  }

  predictProba(X: MatrixLike): DenseMatrix {
    const codes = this.fitted?.y ?? new Float64Array(0);
    const k = this.classes.length;
    const rows: number[][] = [];
    this.eachQuery(X, (i, idx, w) => {
      const votes = new Array<number>(k).fill(0);
      let total = 0;
      for (let t = 0; t < idx.length; t++) {
        votes[codes[idx[t]]] += w[t];
        total += w[t];
      }
      rows[i] = votes.map((v) => v / total);
    });
    return DenseMatrix.fromRows(rows);
  }

  predict(X: MatrixLike): Float64Array {
    return argmaxLabels(this.predictProba(X), this.classes);
  }

  toState(): ModelState {
    return {
      kind: 'KNeighborsClassifier',
      classes: encodeF64(this.classes),
      ...this.stateFields(),
    };
  }

  static fromState(s: ModelState): KNeighborsClassifier {
    const weights = expectString(s.weights) === 'distance' ? 'distance' : 'uniform';
    const m = new KNeighborsClassifier({ nNeighbors: expectNumber(s.nNeighbors), weights });
    m.classes = decodeF64(s.classes);
    m.restore(s);
    return m;
  }
}
