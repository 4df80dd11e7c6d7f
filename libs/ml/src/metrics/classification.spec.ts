import { DenseMatrix } from '../data/dense-matrix.js';
import {
  accuracy,
  balancedAccuracy,
  binaryRocAuc,
  classificationReport,
  confusionMatrix,
  f1,
  logLoss,
  perClassScores,
  precision,
  recall,
  rocAuc,
} from './classification.js';

const t = [0, 0, 1, 1, 1];
const p = [0, 1, 1, 1, 0];

describe('classification metrics', () => {
  it('builds the confusion matrix with true labels as rows', () => {
    expect(confusionMatrix(t, p)).toEqual({
      labels: [0, 1],
      matrix: [
        [1, 1],
        [1, 2],
      ],
      skipped: 0,
    });
  });

  it('computes accuracy and balanced accuracy', () => {
    expect(accuracy(t, p)).toBeCloseTo(0.6, 12);
    expect(balancedAccuracy(t, p)).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
  });

  it('computes binary, macro, weighted and micro precision/recall/F1', () => {
    expect(precision(t, p)).toBeCloseTo(2 / 3, 12);
    expect(recall(t, p)).toBeCloseTo(2 / 3, 12);
    expect(f1(t, p, { average: 'macro' })).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    expect(f1(t, p, { average: 'weighted' })).toBeCloseTo(0.6, 12);
    expect(f1(t, p, { average: 'micro' })).toBeCloseTo(0.6, 12);
    expect(precision(t, p, { posLabel: 0 })).toBeCloseTo(0.5, 12);
    expect(f1(t, p, { posLabel: 7 })).toBe(0);
  });

  it('reports per-class scores and treats zero division as 0', () => {
    const s = perClassScores([0, 0, 1], [0, 0, 0]);
    expect(s.precision).toEqual([2 / 3, 0]);
    expect(s.recall).toEqual([1, 0]);
    expect(s.support).toEqual([2, 1]);
  });

  it('computes binary ROC AUC with ties counted one half', () => {
    expect(binaryRocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBeCloseTo(0.5, 12);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('computes one-vs-rest macro ROC AUC from a probability matrix', () => {
    const proba = [
      [0.8, 0.1, 0.1],
      [0.2, 0.7, 0.1],
      [0.1, 0.2, 0.7],
      [0.3, 0.4, 0.3],
    ];
    // class 0 vs rest: 1.0; class 1: 1.0; class 2: 1.0
    expect(rocAuc([0, 1, 2, 1], proba)).toBeCloseTo(1, 12);
    expect(
      rocAuc(
        [0, 1],
        DenseMatrix.fromRows([
          [0.9, 0.1],
          [0.2, 0.8],
        ]),
      ),
    ).toBe(1);
  });

  it('computes log loss for binary probabilities and probability matrices', () => {
    expect(logLoss([0, 1], [0.2, 0.7])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    const proba = [
      [0.1, 0.9],
      [0.9, 0.1],
      [0.8, 0.2],
      [0.35, 0.65],
    ];
    expect(logLoss([1, 0, 0, 1], proba)).toBeCloseTo(0.21616, 5);
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 6);
  });

  it('reports all scores at once and counts skipped pairs', () => {
    const r = classificationReport([...t, NaN], [...p, 1]);
    expect(r.skipped).toBe(1);
    expect(r.n).toBe(5);
    expect(r.accuracy).toBeCloseTo(0.6, 12);
    expect(r.f1Weighted).toBeCloseTo(0.6, 12);
    expect(r.recallMacro).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    expect(r.confusion.matrix).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });

  it('skips pairs with missing labels', () => {
    expect(confusionMatrix([0, NaN, 1], [0, 1, NaN]).skipped).toBe(2);
    expect(accuracy([0, NaN, 1], [0, 1, 1])).toBe(1);
  });
});
