import { DenseMatrix } from '../data/dense-matrix.js';
import { LinearRegression } from '../linear/linear-regression.js';
import { r2 } from '../metrics/regression.js';
import { Pipeline } from '../preprocessing/pipeline.js';
import { StandardScaler } from '../preprocessing/scalers.js';
import { crossValidate } from './cross-validate.js';
import { KFold, StratifiedKFold, TimeSeriesSplit } from './folds.js';
import { trainTestSplit } from './split.js';

const X = Array.from({ length: 20 }, (_, i) => [i]);
const y = Array.from({ length: 20 }, (_, i) => 2 * i + 1);

describe('trainTestSplit', () => {
  it('keeps time order and puts the last fraction in the test set', () => {
    const s = trainTestSplit(X, y, { mode: 'time', testSize: 0.25 });
    expect(Array.from(s.testIndex)).toEqual([15, 16, 17, 18, 19]);
    expect(Array.from(s.yTest)).toEqual([31, 33, 35, 37, 39]);
    expect(s.XTrain.nRows).toBe(15);
  });

  it('shuffles randomly, deterministically for a seed, without overlap', () => {
    const a = trainTestSplit(X, y, { seed: 3 });
    const b = trainTestSplit(X, y, { seed: 3 });
    const c = trainTestSplit(X, y, { seed: 4 });
    expect(Array.from(a.testIndex)).toEqual(Array.from(b.testIndex));
    expect(Array.from(a.testIndex)).not.toEqual(Array.from(c.testIndex));
    const all = new Set([...a.trainIndex, ...a.testIndex]);
    expect(all.size).toBe(20);
    expect(a.testIndex).toHaveLength(5);
  });

  it('keeps class proportions when stratified', () => {
    const labels = Array.from({ length: 20 }, (_, i) => (i < 16 ? 0 : 1));
    const s = trainTestSplit(X, labels, { mode: 'stratified', testSize: 0.25 });
    expect(Array.from(s.yTest).filter((v) => v === 1)).toHaveLength(1);
    expect(Array.from(s.yTest).filter((v) => v === 0)).toHaveLength(4);
  });

  it('rejects a bad test size or mismatched lengths', () => {
    expect(() => trainTestSplit(X, y, { testSize: 1 })).toThrow(RangeError);
    expect(() => trainTestSplit(X, [1, 2], {})).toThrow(RangeError);
  });
});

describe('fold generators', () => {
  it('KFold makes contiguous folds, the first n % k one row larger', () => {
    const folds = new KFold({ nSplits: 3 }).split(7);
    expect(folds.map((f) => Array.from(f.test))).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(Array.from(folds[1].train)).toEqual([0, 1, 2, 5, 6]);
    const shuffled = new KFold({ nSplits: 3, shuffle: true, seed: 1 }).split(7);
    expect(shuffled.flatMap((f) => Array.from(f.test)).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => new KFold({ nSplits: 1 })).toThrow(RangeError);
    expect(() => new KFold({ nSplits: 5 }).split(3)).toThrow(RangeError);
  });

  it('StratifiedKFold spreads each class over the folds', () => {
    const labels = [0, 0, 0, 0, 1, 1, 1, 1];
    const folds = new StratifiedKFold({ nSplits: 4, shuffle: true, seed: 2 }).split(8, labels);
    for (const f of folds)
      expect(
        Array.from(f.test)
          .map((i) => labels[i])
          .sort(),
      ).toEqual([0, 1]);
    expect(() => new StratifiedKFold().split(8)).toThrow(/needs the targets/);
  });

  it('TimeSeriesSplit grows the training window and honours the gap', () => {
    const folds = new TimeSeriesSplit({ nSplits: 3, gap: 1 }).split(8);
    expect(folds.map((f) => [Array.from(f.train), Array.from(f.test)])).toEqual([
      [[0], [2, 3]],
      [
        [0, 1, 2],
        [4, 5],
      ],
      [
        [0, 1, 2, 3, 4],
        [6, 7],
      ],
    ]);
    const capped = new TimeSeriesSplit({ nSplits: 2, maxTrainSize: 2 }).split(9);
    expect(Array.from(capped[1].train)).toEqual([4, 5]);
    expect(() => new TimeSeriesSplit({ nSplits: 5 }).split(4)).toThrow(RangeError);
  });
});

describe('crossValidate', () => {
  it('returns per-fold scores with their mean and standard deviation', () => {
    const res = crossValidate(() => new LinearRegression(), X, y, {
      cv: new KFold({ nSplits: 4 }),
      scoring: { r2 },
    });
    expect(res.folds).toHaveLength(4);
    for (const f of res.folds) expect(f.r2).toBeCloseTo(1, 10);
    expect(res.mean.r2).toBeCloseTo(1, 10);
    expect(res.std.r2).toBeCloseTo(0, 10);
  });

  it('fits a pipeline scaler on the training fold only (no leakage)', () => {
    const scalers: StandardScaler[] = [];
    const make = (): Pipeline => {
      const scaler = new StandardScaler();
      scalers.push(scaler);
      return new Pipeline([scaler], new LinearRegression());
    };
    const Xm = DenseMatrix.fromRows(X);
    const folds = new KFold({ nSplits: 2 }).split(20);
    crossValidate(make, Xm, y, { cv: new KFold({ nSplits: 2 }), scoring: { r2 } });
    folds.forEach((fold, k) => {
      const trainMean = Array.from(fold.train).reduce((a, i) => a + i, 0) / fold.train.length;
      expect(scalers[k].parameters.center[0]).toBeCloseTo(trainMean, 12);
    });
    expect(scalers[0].parameters.center[0]).toBe(14.5);
  });
});
