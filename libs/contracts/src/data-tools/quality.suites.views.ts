/** An expectation as stored and shown: Great Expectations' `type` and `kwargs`. */
export interface ExpectationConfig {
  type: string;
  kwargs: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

export interface SuiteView {
  id: string;
  dataSourceId: string;
  name: string;
  expectations: ExpectationConfig[];
  /** Every new version of the data source is validated against this suite. */
  autoValidate: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One expectation's outcome, in Great Expectations' result vocabulary (camel-cased). */
export interface ExpectationResult {
  expectation: ExpectationConfig;
  success: boolean;
  /** Aggregates and table checks: the measured value (mean, row count, column list ...). */
  observedValue: unknown;
  elementCount: number;
  missingCount: number;
  unexpectedCount: number;
  /** Of the non-missing values (GE's `unexpected_percent`), 0..100. */
  unexpectedPercent: number;
  /** Of all rows, 0..100. */
  unexpectedPercentTotal: number;
  /** Up to 20 offending values. */
  partialUnexpectedList: unknown[];
  /** A sample of offending rows, each with its 0-based `__row` position in the version. */
  unexpectedRows: Array<Record<string, unknown>>;
  /** Why the expectation could not be evaluated (unknown column, bad kwargs). */
  exception?: string;
}

export interface ValidationStatistics {
  evaluated: number;
  successful: number;
  unsuccessful: number;
  /** successful / evaluated x 100 */
  successPercent: number;
}

export type ValidationStatus = 'queued' | 'succeeded' | 'failed';

/** A validation run without its per-expectation results (history rows). */
export interface ValidationSummary {
  id: string;
  suiteId: string;
  suiteName: string;
  dataSourceId: string;
  version: number;
  jobId: string;
  trigger: 'manual' | 'auto';
  /** Of the run (the job), not of the data: see `success`. */
  status: ValidationStatus;
  /** Every expectation met. */
  success: boolean | null;
  /** The version's quality score against this suite: successPercent, 0..100. */
  score: number | null;
  statistics: ValidationStatistics | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ValidationView extends ValidationSummary {
  results: ExpectationResult[] | null;
}

/** Per version: the latest score of each suite run against it, and their mean. */
export interface VersionQualityScore {
  version: number;
  score: number;
  suites: Array<{ suiteId: string; suiteName: string; score: number; validationId: string }>;
}

export interface ValidationHistory {
  validations: ValidationSummary[];
  scores: VersionQualityScore[];
}
