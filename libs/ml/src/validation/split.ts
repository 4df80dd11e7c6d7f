import {
  toMatrix,
  toVector,
  type DenseMatrix,
  type MatrixLike,
  type VectorLike,
} from '../data/dense-matrix.js';
import { Random } from '../util/random.js';

/** random: shuffled; stratified: shuffled with class proportions kept; time: no shuffle, last part is test. */
export type SplitMode = 'random' | 'stratified' | 'time';

export interface TrainTestSplitOptions {
  /** Fraction of rows in the test set (default 0.25, as scikit-learn). */
  readonly testSize?: number;
  readonly mode?: SplitMode;
  readonly seed?: number;
}

export interface TrainTestSplit {
  readonly XTrain: DenseMatrix;
  readonly XTest: DenseMatrix;
  readonly yTrain: Float64Array;
  readonly yTest: Float64Array;
  readonly trainIndex: Uint32Array;
  readonly testIndex: Uint32Array;
}

export function trainTestSplit(
  X: MatrixLike,
  y: VectorLike,
  opts: TrainTestSplitOptions = {},
): TrainTestSplit {
  const m = toMatrix(X);
  const yv = toVector(y);
  if (m.nRows !== yv.length) throw new RangeError(`X has ${m.nRows} rows but y has ${yv.length}`);
  const { trainIndex, testIndex } = splitIndices(yv, opts);
  return {
    XTrain: m.selectRows(trainIndex),
    XTest: m.selectRows(testIndex),
    yTrain: trainIndex.length ? Float64Array.from(trainIndex, (i) => yv[i]) : new Float64Array(0),
    yTest: testIndex.length ? Float64Array.from(testIndex, (i) => yv[i]) : new Float64Array(0),
    trainIndex,
    testIndex,
  };
}

/** Index-only form of `trainTestSplit`. */
export function splitIndices(
  y: ArrayLike<number>,
  opts: TrainTestSplitOptions = {},
): { trainIndex: Uint32Array; testIndex: Uint32Array } {
  const n = y.length;
  const testSize = opts.testSize ?? 0.25;
  if (!(testSize > 0 && testSize < 1)) throw new RangeError('testSize must be in (0, 1)');
  const nTest = Math.ceil(n * testSize);
  const mode = opts.mode ?? 'random';
  switch (mode) {
    case 'time':
      return { trainIndex: range(0, n - nTest), testIndex: range(n - nTest, n) };
    case 'random': {
      const perm = new Random(opts.seed ?? 0).permutation(n);
      return {
        trainIndex: sorted(perm.subarray(nTest)),
        testIndex: sorted(perm.subarray(0, nTest)),
      };
    }
    case 'stratified':
      return stratifiedIndices(y, testSize, opts.seed ?? 0);
  }
}

function stratifiedIndices(
  y: ArrayLike<number>,
  testSize: number,
  seed: number,
): { trainIndex: Uint32Array; testIndex: Uint32Array } {
  const rng = new Random(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const members of groupByClass(y).values()) {
    rng.shuffle(members);
    const k = Math.round(members.length * testSize);
    for (let i = 0; i < members.length; i++) (i < k ? test : train).push(members[i]);
  }
  return { trainIndex: sorted(Uint32Array.from(train)), testIndex: sorted(Uint32Array.from(test)) };
}

export function groupByClass(y: ArrayLike<number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const g = groups.get(y[i]);
    if (g) g.push(i);
    else groups.set(y[i], [i]);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

export function range(from: number, to: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

function sorted(a: Uint32Array): Uint32Array {
  return Uint32Array.from(a).sort();
}
