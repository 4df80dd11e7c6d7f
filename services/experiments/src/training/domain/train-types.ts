import type { MlTask, ModelType } from '@hydroml/contracts';

/** One feature column handed to the trainer (numbers, or category codes into `categories`). */
export interface FeatureColumn {
  name: string;
  kind: 'numeric' | 'categorical';
  values: Float64Array;
  categories?: string[];
}

export interface TrainSettings {
  task: MlTask;
  model: { type: ModelType; params: Record<string, unknown> };
  split: { mode: 'random' | 'stratified' | 'time'; testFraction: number; seed: number };
  validation: { mode: 'holdout' | 'kfold' | 'timeseries'; folds: number };
  /** Metric names to log; empty means all of the task's. */
  metrics: string[];
  threads: number;
  skipExplanations: boolean;
}

/** Everything a training needs, as plain data (it crosses into a worker thread). */
export interface TrainInput {
  features: FeatureColumn[];
  /** Regression: values; classification: codes into `classes`. */
  target: Float64Array;
  targetName: string;
  classes?: string[];
  /** Labels of the rows in time order (time-ordered data), for the hydrograph. */
  timeLabels?: string[];
  settings: TrainSettings;
}

export type Metrics = Record<string, number>;

export interface ChartData {
  predictedVsActual?: Array<[number, number]>;
  residuals?: Array<[number, number]>;
  hydrograph?: Array<{ t: string; actual: number; predicted: number }>;
  roc?: Array<{ label: string; fpr: number[]; tpr: number[]; auc: number }>;
  confusion?: { labels: string[]; matrix: number[][] };
}

export interface Importance {
  impurity: Record<string, number> | null;
  permutation: Record<string, { mean: number; std: number }> | null;
  shap: { expectedValue: number; meanAbs: Record<string, number>; rows: number } | null;
}

export interface TrainOutput {
  folds: Metrics[];
  mean: Metrics;
  std: Metrics;
  test: Metrics;
  /** The model file (saveModel's JSON as UTF-8), bytes so that it crosses threads without a copy. */
  model: Uint8Array;
  testPredictions: { row: number[]; actual: number[]; predicted: number[] };
  importance: Importance;
  charts: ChartData;
  fitSeconds: number;
  trainRows: number;
  testRows: number;
}

/**
 * Trees grown so far within one fit (tree ensembles only; boosting counts iterations): validation
 * fold `fold` of `folds`, or the final fit on the whole training set when `fold` is null (`folds`
 * is 0 then when there is no cross-validation: holdout).
 */
export interface TreesEvent {
  type: 'trees';
  fold: number | null;
  folds: number;
  done: number;
  total: number;
}

/** Progress events a training yields before its result. */
export type TrainEvent =
  | { type: 'fold'; fold: number; folds: number; metrics: Metrics }
  | { type: 'phase'; phase: string; fraction: number }
  | TreesEvent;
