export const ML_TASKS = ['regression', 'classification'] as const;
export type MlTask = (typeof ML_TASKS)[number];

export const PREFLIGHT_CODES = [
  // errors
  'target_not_found',
  'target_all_missing',
  'target_constant',
  'target_not_numeric',
  'target_unsupported_type',
  'too_many_classes',
  'feature_not_found',
  'feature_is_target',
  'leakage',
  'no_usable_features',
  'too_few_rows',
  // warnings
  'target_missing',
  'feature_all_missing',
  'feature_constant',
  'feature_id_like',
  'feature_unsupported_type',
  'feature_high_missing',
  'feature_high_cardinality',
  'leakage_suspected',
  'low_rows_per_feature',
  'class_imbalance',
  'rare_class',
  'many_classes',
] as const;
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

export interface PreflightIssue {
  code: PreflightCode;
  message: string;
  column?: string;
}

export interface PreflightClass {
  /** The class label as text (null labels are not classes). */
  value: string;
  count: number;
}

/**
 * The pre-flight verdict: `ok` is false when there is any error (training must not start);
 * warnings inform. `usableFeatures` are the requested features minus the ones excluded.
 */
export interface PreflightResult {
  ok: boolean;
  errors: PreflightIssue[];
  warnings: PreflightIssue[];
  /** The task used: the one asked for, else inferred from the target. */
  task: MlTask;
  taskInferred: boolean;
  usableFeatures: string[];
  /** Rows of the version, and rows whose target is present (what training can use). */
  rows: number;
  rowsWithTarget: number;
  /** Classification only: class counts, largest first (up to 200). */
  classes?: PreflightClass[];
}
