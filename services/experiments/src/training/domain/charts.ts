import { metrics as m, type DenseMatrix } from '@hydroml/ml';
import type { ChartData } from './train-types.js';

const MAX_POINTS = 2000;

/** Every k-th index so at most MAX_POINTS remain (charts need shape, not every point). */
function sampled(n: number, max = MAX_POINTS): number[] {
  const step = Math.max(1, Math.ceil(n / max));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

function rounded(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}

export function regressionCharts(
  actual: Float64Array,
  predicted: Float64Array,
  timeLabels: string[] | undefined,
): ChartData {
  const idx = sampled(actual.length);
  const charts: ChartData = {
    predictedVsActual: idx.map((i) => [rounded(actual[i]), rounded(predicted[i])]),
    residuals: idx.map((i) => [rounded(predicted[i]), rounded(actual[i] - predicted[i])]),
  };
  if (timeLabels) {
    charts.hydrograph = idx.map((i) => ({
      t: timeLabels[i],
      actual: rounded(actual[i]),
      predicted: rounded(predicted[i]),
    }));
  }
  return charts;
}

/** ROC curve of one class against the rest (thresholds at every distinct score). */
function rocCurve(isPositive: boolean[], scores: ArrayLike<number>) {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b] - scores[a],
  );
  const pos = isPositive.filter(Boolean).length;
  const neg = isPositive.length - pos;
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    if (isPositive[order[k]]) tp++;
    else fp++;
    const last = k === order.length - 1 || scores[order[k + 1]] !== scores[order[k]];
    if (last) {
      fpr.push(neg ? fp / neg : 0);
      tpr.push(pos ? tp / pos : 0);
    }
  }
  const keep = sampled(fpr.length, 500);
  if (keep[keep.length - 1] !== fpr.length - 1) keep.push(fpr.length - 1);
  return { fpr: keep.map((i) => rounded(fpr[i])), tpr: keep.map((i) => rounded(tpr[i])) };
}

export function classificationCharts(
  actual: Float64Array,
  predicted: Float64Array,
  proba: DenseMatrix | null,
  classes: string[],
): ChartData {
  const codes = classes.map((_, k) => k);
  const confusion = m.confusionMatrix(actual, predicted, codes);
  const charts: ChartData = { confusion: { labels: classes, matrix: confusion.matrix } };
  if (proba) {
    const shown = classes.length === 2 ? [1] : codes;
    charts.roc = shown.map((c) => {
      const positive = Array.from(actual, (y) => y === c);
      const scores = proba.column(c);
      const auc = m.rocAuc(
        Float64Array.from(positive, (p) => (p ? 1 : 0)),
        scores,
      );
      return { label: classes[c], ...rocCurve(positive, scores), auc: rounded(auc) };
    });
  }
  return charts;
}
