import { Random } from '../util/random.js';
import { groupByClass, range } from './split.js';

export interface Fold {
  readonly train: Uint32Array;
  readonly test: Uint32Array;
}

/** Anything that yields train/test index folds for n rows (and optionally the targets). */
export interface FoldSplitter {
  split(n: number, y?: ArrayLike<number>): Fold[];
}

export interface KFoldOptions {
  readonly nSplits?: number;
  readonly shuffle?: boolean;
  readonly seed?: number;
}

/** K contiguous folds (first n % k folds one row larger), optionally over a shuffled order. */
export class KFold implements FoldSplitter {
  readonly nSplits: number;
  constructor(private readonly opts: KFoldOptions = {}) {
    this.nSplits = opts.nSplits ?? 5;
    if (this.nSplits < 2) throw new RangeError('nSplits must be at least 2');
  }

  split(n: number): Fold[] {
    if (n < this.nSplits) throw new RangeError(`cannot make ${this.nSplits} folds of ${n} rows`);
    const order = this.opts.shuffle ? new Random(this.opts.seed ?? 0).permutation(n) : range(0, n);
    const folds: Fold[] = [];
    let start = 0;
    for (let k = 0; k < this.nSplits; k++) {
      const size = Math.floor(n / this.nSplits) + (k < n % this.nSplits ? 1 : 0);
      folds.push(foldFromTest(n, order.subarray(start, start + size)));
      start += size;
    }
    return folds;
  }
}

/** K folds with each class spread evenly over the folds. */
export class StratifiedKFold implements FoldSplitter {
  readonly nSplits: number;
  constructor(private readonly opts: KFoldOptions = {}) {
    this.nSplits = opts.nSplits ?? 5;
    if (this.nSplits < 2) throw new RangeError('nSplits must be at least 2');
  }

  split(n: number, y?: ArrayLike<number>): Fold[] {
    if (!y || y.length !== n) throw new RangeError('StratifiedKFold needs the targets');
    const rng = new Random(this.opts.seed ?? 0);
    const buckets: number[][] = Array.from({ length: this.nSplits }, () => []);
    let offset = 0;
    for (const members of groupByClass(y).values()) {
      if (this.opts.shuffle) rng.shuffle(members);
      members.forEach((row, i) => buckets[(offset + i) % this.nSplits].push(row));
      offset += members.length;
    }
    return buckets.map((b) => foldFromTest(n, Uint32Array.from(b)));
  }
}

export interface TimeSeriesSplitOptions {
  readonly nSplits?: number;
  /** Rows dropped between the end of the training window and the test window. */
  readonly gap?: number;
  readonly testSize?: number;
  readonly maxTrainSize?: number;
}

/** Expanding-window folds in time order, as scikit-learn's TimeSeriesSplit. */
export class TimeSeriesSplit implements FoldSplitter {
  constructor(private readonly opts: TimeSeriesSplitOptions = {}) {}

  split(n: number): Fold[] {
    const k = this.opts.nSplits ?? 5;
    const gap = this.opts.gap ?? 0;
    const testSize = this.opts.testSize ?? Math.floor(n / (k + 1));
    if (testSize < 1 || n - gap - testSize * k <= 0)
      throw new RangeError(`too few rows (${n}) for ${k} time-series folds`);
    const folds: Fold[] = [];
    for (let f = 0; f < k; f++) {
      const testStart = n - k * testSize + f * testSize;
      const trainEnd = testStart - gap;
      const trainStart = this.opts.maxTrainSize
        ? Math.max(0, trainEnd - this.opts.maxTrainSize)
        : 0;
      folds.push({
        train: range(trainStart, trainEnd),
        test: range(testStart, testStart + testSize),
      });
    }
    return folds;
  }
}

function foldFromTest(n: number, testRows: Uint32Array): Fold {
  const inTest = new Uint8Array(n);
  for (const i of testRows) inTest[i] = 1;
  const train = new Uint32Array(n - testRows.length);
  let k = 0;
  for (let i = 0; i < n; i++) if (!inTest[i]) train[k++] = i;
  return { train, test: Uint32Array.from(testRows).sort() };
}
