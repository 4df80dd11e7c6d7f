import type { ColumnType, MlTask, PreflightClass } from '@hydroml/contracts';

/** What pre-flight needs to know of one column, over all rows of the version. */
export interface PreflightColumn {
  name: string;
  type: ColumnType;
  /** Non-null values. */
  present: number;
  /** Distinct non-null values. */
  distinct: number;
  /** Every row holds the same value as the target (nulls alike): a copy of the target. */
  equalsTarget: boolean;
  /** Pearson correlation with a numeric target (null when not both numeric or undefined). */
  corrWithTarget: number | null;
}

export interface PreflightStats {
  rows: number;
  target: PreflightColumn;
  /** Present requested features (missing ones are listed in `missingFeatures`). */
  features: PreflightColumn[];
  missingFeatures: string[];
  /** Class counts of the target, largest first, when it has few enough distinct values. */
  classes: PreflightClass[];
}

export interface PreflightRequest {
  target: string;
  /** Explicitly requested features (undefined: every other column). */
  features?: string[];
  task?: MlTask;
}

/** Thresholds of the pre-flight rules (exported so tests can hit them exactly). */
export const PREFLIGHT_LIMITS = {
  /** An integer target with at most this many distinct values is a classification target. */
  maxClassesInferred: 20,
  /** More classes than this is an error; more than `manyClasses` a warning. */
  maxClasses: 200,
  manyClasses: 50,
  /** Fewer usable rows than this cannot be split into train and test. */
  minRows: 10,
  /** Rows per feature under this: a warning (overfitting risk). */
  minRowsPerFeature: 10,
  /** Features missing more than this share of values: a warning. */
  highMissing: 0.5,
  /** Text features with more distinct values than this (and > 50 % of rows): high cardinality. */
  highCardinality: 50,
  /** The smallest class below this share of the largest: imbalance warning. */
  imbalanceRatio: 0.1,
  /** |Pearson r| at or above this between a feature and the target: suspected leakage. */
  leakageCorrelation: 0.999,
} as const;
