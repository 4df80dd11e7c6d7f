import { DenseMatrix, type MatrixLike } from '../data/dense-matrix.js';
import { completePairs } from './pairs.js';

type Vec = ArrayLike<number>;

export interface ConfusionMatrix {
  /** Sorted labels; row i / column j of `matrix` are true label i / predicted label j. */
  readonly labels: number[];
  readonly matrix: number[][];
  readonly skipped: number;
}

export function confusionMatrix(
  yTrue: Vec,
  yPred: Vec,
  labels?: readonly number[],
): ConfusionMatrix {
  const { yTrue: t, yPred: p, skipped } = completePairs(yTrue, yPred);
  const labs = labels ? [...labels] : [...new Set([...t, ...p])].sort((a, b) => a - b);
  const index = new Map(labs.map((l, k) => [l, k]));
  const matrix = labs.map(() => new Array<number>(labs.length).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]);
    const b = index.get(p[i]);
    if (a !== undefined && b !== undefined) matrix[a][b]++;
  }
  return { labels: labs, matrix, skipped };
}

export function accuracy(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let ok = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) ok++;
  return ok / t.length;
}

/** Per-class precision, recall, F1 and support, in the order of `labels`. */
export interface PerClassScores {
  readonly labels: number[];
  readonly precision: number[];
  readonly recall: number[];
  readonly f1: number[];
  readonly support: number[];
}

export function perClassScores(yTrue: Vec, yPred: Vec): PerClassScores {
  const { labels, matrix } = confusionMatrix(yTrue, yPred);
  const k = labels.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = matrix[c][c];
    let predicted = 0;
    let actual = 0;
    for (let o = 0; o < k; o++) {
      predicted += matrix[o][c];
      actual += matrix[c][o];
    }
    const pr = predicted === 0 ? 0 : tp / predicted;
    const re = actual === 0 ? 0 : tp / actual;
    precision.push(pr);
    recall.push(re);
    f1.push(pr + re === 0 ? 0 : (2 * pr * re) / (pr + re));
    support.push(actual);
  }
  return { labels, precision, recall, f1, support };
}

/** Mean of per-class recall, over classes present in yTrue (scikit-learn's balanced_accuracy_score). */
export function balancedAccuracy(yTrue: Vec, yPred: Vec): number {
  const s = perClassScores(yTrue, yPred);
  let sum = 0;
  let n = 0;
  s.support.forEach((sup, c) => {
    if (sup > 0) {
      sum += s.recall[c];
      n++;
    }
  });
  return sum / n;
}

/** 'binary' scores `posLabel` only (scikit-learn's default); zero division gives 0. */
export type Average = 'binary' | 'macro' | 'weighted' | 'micro';

export interface AverageOptions {
  readonly average?: Average;
  readonly posLabel?: number;
}

function averaged(
  key: 'precision' | 'recall' | 'f1',
  yTrue: Vec,
  yPred: Vec,
  opts: AverageOptions,
): number {
  const average = opts.average ?? 'binary';
  const s = perClassScores(yTrue, yPred);
  const values = s[key];
  switch (average) {
    case 'binary': {
      const c = s.labels.indexOf(opts.posLabel ?? 1);
      return c < 0 ? 0 : values[c];
    }
    case 'macro':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'weighted': {
      const total = s.support.reduce((a, b) => a + b, 0);
      return values.reduce((a, v, c) => a + (v * s.support[c]) / total, 0);
    }
    case 'micro':
      return accuracy(yTrue, yPred);
  }
}

export function precision(yTrue: Vec, yPred: Vec, opts: AverageOptions = {}): number {
  return averaged('precision', yTrue, yPred, opts);
}

export function recall(yTrue: Vec, yPred: Vec, opts: AverageOptions = {}): number {
  return averaged('recall', yTrue, yPred, opts);
}

export function f1(yTrue: Vec, yPred: Vec, opts: AverageOptions = {}): number {
  return averaged('f1', yTrue, yPred, opts);
}

/** Area under the ROC curve of scores for the positive class (ties count one half). */
export function binaryRocAuc(yTrue: Vec, score: Vec, posLabel = 1): number {
  const { yTrue: t, yPred: s } = completePairs(yTrue, score);
  const order = Array.from(s.keys()).sort((a, b) => s[a] - s[b]);
  let nPos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && s[order[j + 1]] === s[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (t[order[k]] === posLabel) {
        nPos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const nNeg = t.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * ROC AUC. With a vector of scores: binary. With a probability matrix (one column per class, classes
 * being 0..k-1): one-vs-rest, macro-averaged over classes, as scikit-learn's multi_class='ovr'.
 */
export function rocAuc(yTrue: Vec, scores: Vec | MatrixLike): number {
  if (!isMatrixLike(scores)) return binaryRocAuc(yTrue, scores);
  const P = scores instanceof DenseMatrix ? scores : DenseMatrix.fromRows(scores);
  if (P.nCols === 2) return binaryRocAuc(yTrue, P.column(1));
  let sum = 0;
  for (let c = 0; c < P.nCols; c++) sum += binaryRocAuc(yTrue, P.column(c), c);
  return sum / P.nCols;
}

function isMatrixLike(x: Vec | MatrixLike): x is MatrixLike {
  return x instanceof DenseMatrix || (Array.isArray(x) && x.length > 0 && Array.isArray(x[0]));
}

/**
 * Cross-entropy. `proba` is either P(class 1) per row (binary) or a row-per-sample probability
 * matrix over classes 0..k-1. Probabilities are clipped to [1e-15, 1 - 1e-15] and rows renormalised.
 */
export function logLoss(yTrue: Vec, proba: Vec | MatrixLike): number {
  const eps = 1e-15;
  const P = isMatrixLike(proba)
    ? proba instanceof DenseMatrix
      ? proba
      : DenseMatrix.fromRows(proba)
    : DenseMatrix.fromColumns([Float64Array.from(proba, (p) => 1 - p), Float64Array.from(proba)]);
  let loss = 0;
  let n = 0;
  for (let i = 0; i < P.nRows; i++) {
    if (Number.isNaN(yTrue[i])) continue;
    let rowSum = 0;
    for (let c = 0; c < P.nCols; c++) rowSum += Math.min(Math.max(P.get(i, c), eps), 1 - eps);
    const p = Math.min(Math.max(P.get(i, yTrue[i]), eps), 1 - eps) / rowSum;
    loss -= Math.log(p);
    n++;
  }
  return loss / n;
}

export interface ClassificationReport {
  accuracy: number;
  balancedAccuracy: number;
  precisionMacro: number;
  recallMacro: number;
  f1Macro: number;
  f1Weighted: number;
  perClass: PerClassScores;
  confusion: ConfusionMatrix;
  /** Pairs skipped because the label or the prediction was missing. */
  skipped: number;
  n: number;
}

/** The usual classification metrics at once, over complete pairs. */
export function classificationReport(yTrue: Vec, yPred: Vec): ClassificationReport {
  const { yTrue: t, yPred: p, skipped } = completePairs(yTrue, yPred);
  const macro: AverageOptions = { average: 'macro' };
  return {
    accuracy: accuracy(t, p),
    balancedAccuracy: balancedAccuracy(t, p),
    precisionMacro: precision(t, p, macro),
    recallMacro: recall(t, p, macro),
    f1Macro: f1(t, p, macro),
    f1Weighted: f1(t, p, { average: 'weighted' }),
    perClass: perClassScores(t, p),
    confusion: confusionMatrix(t, p),
    skipped,
    n: t.length,
  };
}
