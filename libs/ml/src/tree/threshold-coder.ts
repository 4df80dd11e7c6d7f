import type { DenseMatrix } from '../data/dense-matrix.js';
import { sortFloat64 } from '../util/float-sort.js';
import type { TreeArrays } from './tree-arrays.js';

/** Buckets of the lookup table that starts each value's search near its code. */
const BUCKETS = 1024;
/** Largest code: ranks and codes must stay below the leaves' rank (0xffff). */
const MAX_THRESHOLDS = 0xfffe;

/**
 * Codes feature values by the split thresholds of a set of trees: a value's code is the number of
 * the feature's distinct thresholds below it, so `x <= t` is `code(x) <= rank(t)` exactly.
 */
export class ThresholdCoder {
  private constructor(
    /** Per feature, its distinct thresholds in increasing order. */
    private readonly sorted: readonly Float64Array[],
    /** Per feature, BUCKETS start ranks over [lo, hi] of its finite thresholds. */
    private readonly tables: readonly Uint16Array[],
    private readonly lo: Float64Array,
    private readonly scale: Float64Array,
  ) {}

  /** Null when some feature has more than 65,534 distinct thresholds. */
  static fit(trees: readonly TreeArrays[], p: number): ThresholdCoder | null {
    const sorted = distinctThresholds(trees, p);
    if (sorted.some((t) => t.length > MAX_THRESHOLDS)) return null;
    const lo = new Float64Array(p);
    const scale = new Float64Array(p);
    const tables = sorted.map((t, j) => {
      const finite = t.filter((v) => Number.isFinite(v));
      lo[j] = finite.length > 0 ? finite[0] : 0;
      const span = finite.length > 1 ? finite[finite.length - 1] - lo[j] : 0;
      scale[j] = span > 0 ? (BUCKETS - 1) / span : 0;
      const table = new Uint16Array(BUCKETS);
      let r = 0;
      for (let b = 0; b < BUCKETS && scale[j] > 0; b++) {
        const edge = lo[j] + b / scale[j];
        while (r < t.length && t[r] < edge) r++;
        table[b] = r;
      }
      return table;
    });
    return new ThresholdCoder(sorted, tables, lo, scale);
  }

  /** Rank of a threshold of feature j (its index among the feature's distinct thresholds). */
  rankOf(j: number, threshold: number): number {
    return this.code(j, threshold);
  }

  /** Number of feature j's thresholds below x (x not NaN). */
  private code(j: number, x: number): number {
    const t = this.sorted[j];
    const pos = (x - this.lo[j]) * this.scale[j];
    // the table only gives a starting point; the two scans make the code exact
    let r = this.tables[j][pos > 0 ? (pos < BUCKETS - 1 ? Math.floor(pos) : BUCKETS - 1) : 0];
    while (r > 0 && t[r - 1] >= x) r--;
    while (r < t.length && t[r] < x) r++;
    return r;
  }

  /** Row-major codes of X (n × p), in shared memory if asked; null if X has a missing value. */
  encode(X: DenseMatrix, shared: boolean): Uint16Array | null {
    const { nRows: n, nCols: p, data } = X;
    const bytes = n * p * 2;
    const out = new Uint16Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    for (let j = 0; j < p; j++) {
      const base = j * n;
      for (let i = 0; i < n; i++) {
        const x = data[base + i];
        if (x !== x) return null;
        out[i * p + j] = this.code(j, x);
      }
    }
    return out;
  }
}

/** Per feature, the distinct thresholds of the trees' internal nodes in increasing order. */
function distinctThresholds(trees: readonly TreeArrays[], p: number): Float64Array[] {
  const counts = new Int32Array(p);
  for (const t of trees)
    for (let i = 0; i < t.nodeCount; i++) if (t.left[i] >= 0) counts[t.feature[i]]++;
  const all = Array.from(counts, (c) => new Float64Array(c));
  counts.fill(0);
  for (const t of trees) {
    for (let i = 0; i < t.nodeCount; i++) {
      if (t.left[i] < 0) continue;
      const f = t.feature[i];
      all[f][counts[f]++] = t.threshold[i];
    }
  }
  return all.map((v) => {
    sortFloat64(v);
    let m = 0;
    for (let i = 0; i < v.length; i++) if (i === 0 || v[i] !== v[m - 1]) v[m++] = v[i];
    return v.slice(0, m);
  });
}
