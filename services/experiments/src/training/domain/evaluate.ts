import {
  DenseMatrix,
  KFold,
  StratifiedKFold,
  TimeSeriesSplit,
  saveModel,
  splitIndices,
  type Classifier,
  type Estimator,
  type FitProgress,
  type FoldSplitter,
} from '@hydroml/ml';
import { classificationCharts, regressionCharts } from './charts.js';
import { explain } from './explain.js';
import { buildEstimator } from './model-factory.js';
import { meanStd, scoreAll } from './metric-set.js';
import type { Metrics, TrainEvent, TrainInput, TrainOutput, TreesEvent } from './train-types.js';

/** Receives tree progress from inside a fit (synchronously, while the fit runs). */
export type TreesSink = (event: TreesEvent) => void;

/**
 * Receives the model file as soon as the final fit is scored, before the explanations (a worker
 * hands it over to be stored meanwhile); the output still carries it.
 */
export type ModelSink = (model: Uint8Array) => void;

export function isClassifierModel(model: Estimator): model is Classifier {
  return typeof (model as Partial<Classifier>).predictProba === 'function';
}

export function toMatrix(input: TrainInput): DenseMatrix {
  return DenseMatrix.fromColumns(
    input.features.map((f) => f.values),
    input.features.map((f) =>
      f.kind === 'categorical'
        ? { name: f.name, type: 'categorical' as const, categories: f.categories ?? [] }
        : { name: f.name, type: 'numeric' as const },
    ),
  );
}

function pick(y: Float64Array, rows: ArrayLike<number>): Float64Array {
  return Float64Array.from(rows, (i) => y[i]);
}

function splitter(input: TrainInput): FoldSplitter | null {
  const { validation, split, task } = input.settings;
  if (validation.mode === 'holdout') return null;
  if (validation.mode === 'timeseries') return new TimeSeriesSplit({ nSplits: validation.folds });
  const options = { nSplits: validation.folds, shuffle: true, seed: split.seed };
  return task === 'classification' ? new StratifiedKFold(options) : new KFold(options);
}

interface Scored {
  model: Estimator;
  predicted: Float64Array;
  proba: DenseMatrix | null;
  metrics: Metrics;
}

function fitAndScore(
  input: TrainInput,
  X: DenseMatrix,
  rows: { train: Uint32Array; test: Uint32Array },
  onProgress?: FitProgress,
) {
  const { settings } = input;
  const { train, test } = rows;
  const model = buildEstimator(
    settings.model.type,
    settings.task,
    settings.model.params,
    settings.threads,
  );
  model.fit(X.selectRows(train), pick(input.target, train), { onProgress });
  const XTest = X.selectRows(test);
  const predicted = model.predict(XTest);
  // a Pipeline always has predictProba; it works only when its model is a classifier
  const classifier = settings.task === 'classification' && isClassifierModel(model);
  const proba = classifier ? model.predictProba(XTest) : null;
  const actual = pick(input.target, test);
  const metrics = scoreAll(settings.task, actual, predicted, proba, settings.metrics);
  return { model, predicted, proba, metrics } satisfies Scored;
}

/**
 * A training as a sequence of events: validation folds (each scored on its own held-out part of
 * the training set), then the final fit on the whole training set scored on the test set, then
 * explanations. Returns the result; a caller may stop between events (pruning, cancellation).
 * Tree ensembles also tell `onTrees` of every tree they grow, from inside each fit.
 */
export function* evaluate(
  input: TrainInput,
  onTrees?: TreesSink,
  onModel?: ModelSink,
): Generator<TrainEvent, TrainOutput> {
  const started = performance.now();
  const X = toMatrix(input);
  const { split } = input.settings;
  const { trainIndex, testIndex } = splitIndices(input.target, {
    mode: split.mode,
    testSize: split.testFraction,
    seed: split.seed,
  });
  const cv = splitter(input);
  const parts = cv ? cv.split(trainIndex.length, pick(input.target, trainIndex)) : [];
  const progress = (fold: number | null): FitProgress | undefined =>
    onTrees &&
    ((done, total) => onTrees({ type: 'trees', fold, folds: parts.length, done, total }));
  const folds: Metrics[] = [];
  for (const [k, part] of parts.entries()) {
    const train = Uint32Array.from(part.train, (i) => trainIndex[i]);
    const test = Uint32Array.from(part.test, (i) => trainIndex[i]);
    const { metrics } = fitAndScore(input, X, { train, test }, progress(k + 1));
    folds.push(metrics);
    yield { type: 'fold', fold: k + 1, folds: parts.length, metrics };
  }
  // without validation folds the final fit is the only one: its progress starts where folds would
  yield { type: 'phase', phase: 'final fit', fraction: cv ? 0.7 : 0.1 };
  const final = fitAndScore(input, X, { train: trainIndex, test: testIndex }, progress(null));
  if (!cv) {
    folds.push(final.metrics);
    yield { type: 'fold', fold: 1, folds: 1, metrics: final.metrics };
  }
  const fitSeconds = (performance.now() - started) / 1000;
  const model = modelFile(input, X, final.model, trainIndex.length);
  onModel?.(model);
  yield { type: 'phase', phase: 'explanations', fraction: 0.85 };
  return finish(input, X, { trainIndex, testIndex }, { ...final, file: model }, folds, fitSeconds);
}

function modelFile(input: TrainInput, X: DenseMatrix, model: Estimator, rows: number): Uint8Array {
  const json = saveModel(model, {
    features: X.columns,
    training: {
      target: input.targetName,
      task: input.settings.task,
      classes: input.classes ?? null,
      rows,
    },
  });
  return new TextEncoder().encode(json);
}

function finish(
  input: TrainInput,
  X: DenseMatrix,
  rows: { trainIndex: Uint32Array; testIndex: Uint32Array },
  final: Scored & { file: Uint8Array },
  folds: Metrics[],
  fitSeconds: number,
): TrainOutput {
  const { testIndex } = rows;
  const actual = pick(input.target, testIndex);
  const timeLabels = input.timeLabels
    ? Array.from(testIndex, (i) => input.timeLabels![i])
    : undefined;
  const charts =
    input.settings.task === 'regression'
      ? regressionCharts(actual, final.predicted, timeLabels)
      : classificationCharts(actual, final.predicted, final.proba, input.classes ?? []);
  const importance = explain(input, final.model, X.selectRows(testIndex), actual);
  return {
    folds,
    ...meanStd(folds),
    test: final.metrics,
    model: final.file,
    testPredictions: {
      row: Array.from(testIndex),
      actual: Array.from(actual),
      predicted: Array.from(final.predicted),
    },
    importance,
    charts,
    fitSeconds,
    trainRows: rows.trainIndex.length,
    testRows: testIndex.length,
  };
}
