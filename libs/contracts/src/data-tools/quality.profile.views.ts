import type { ColumnType } from './datasets.views.js';

export const SEMANTIC_TYPES = [
  'numeric',
  'categorical',
  'boolean',
  'datetime',
  'text',
  'id_like',
  'constant',
  'empty',
] as const;
export type SemanticType = (typeof SEMANTIC_TYPES)[number];

/** A studio step `{op, params}` that `POST /sessions/:id/steps` accepts as is. */
export interface SuggestedStep {
  op: string;
  params: Record<string, unknown>;
}

export interface Suggestion {
  title: string;
  step: SuggestedStep;
}

export const ALERT_TYPES = [
  // ydata-profiling's
  'missing',
  'constant',
  'unique',
  'high_cardinality',
  'imbalance',
  'skewed',
  'zeros',
  'infinite',
  'duplicates',
  'high_correlation',
  'empty',
  'type_date',
  // ours
  'mixed_types',
  'null_like',
  'irregular_time_steps',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface ProfileAlert {
  type: AlertType;
  /** Absent for table-wide alerts (duplicates, empty). */
  column?: string;
  message: string;
  /** The measured value that crossed the threshold (a share 0..1, a count or a statistic). */
  value: number;
  threshold: number;
  /** The fix we propose (the user decides); null when no step fits. */
  suggestion: Suggestion | null;
  details?: Record<string, unknown>;
}

export interface Histogram {
  /** Bin edges (bins + 1 of them): numbers, or ISO strings for datetimes. */
  edges: Array<number | string>;
  counts: number[];
}

export interface ValueCount {
  /** The value as text (null for the missing value). */
  value: string | null;
  count: number;
  /** Share of all rows, 0..1. */
  share: number;
}

export interface NumericProfile {
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (ddof = 1), as pandas' `std()`. */
  std: number | null;
  /** Sample variance (ddof = 1). */
  variance: number | null;
  sum: number | null;
  zeros: number;
  negatives: number;
  infinite: number;
  /** Linear interpolation (pandas' default), keys p5 p25 p50 p75 p95. */
  quantiles: Record<'p5' | 'p25' | 'p50' | 'p75' | 'p95', number | null>;
  iqr: number | null;
  /** Bias-corrected sample skewness G1 (pandas' `skew()`). */
  skewness: number | null;
  /** Bias-corrected excess kurtosis G2 (pandas' `kurt()`). */
  kurtosis: number | null;
  /** std / mean. */
  cv: number | null;
  histogram: Histogram | null;
}

export interface TextProfile {
  minLength: number | null;
  maxLength: number | null;
  meanLength: number | null;
  /** Value shapes (digits -> 9, letters -> a / A), most common first. */
  patterns: Array<{ pattern: string; count: number }>;
  /** Values that read as numbers. */
  numeric: number;
  /** Values that read as dates (YYYY-MM-DD...). */
  dates: number;
}

export interface DatetimeProfile {
  min: string | null;
  max: string | null;
  /** Most common step between consecutive sorted values, in seconds. */
  step: number | null;
  /** Steps different from the most common one (sorted distinct values). */
  irregularSteps: number;
  /** Steps longer than the most common one: holes in the series. */
  gaps: number;
  /** The largest holes: [from, to] pairs. */
  largestGaps: Array<{ from: string; to: string; seconds: number }>;
  histogram: Histogram | null;
}

export type Monotonicity =
  'increasing' | 'strictly_increasing' | 'decreasing' | 'strictly_decreasing' | 'none';

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  sourceType: string;
  semanticType: SemanticType;
  /** Non-missing values. */
  count: number;
  missing: number;
  missingShare: number;
  distinct: number;
  /** True when `distinct` is HyperLogLog's estimate (beyond the exact limit). */
  distinctApproximate: boolean;
  distinctShare: number;
  /** Values such as "NA", "#N/A", "null", -999 that probably mean missing. */
  nullLike: Array<{ value: string; count: number }>;
  /** Most frequent values (null when not computed for a column with too many values). */
  top: ValueCount[] | null;
  /** In file order (numeric and datetime columns). */
  monotonic: Monotonicity | null;
  numeric?: NumericProfile;
  text?: TextProfile;
  datetime?: DatetimeProfile;
  boolean?: { trueCount: number; falseCount: number };
  /** 1 - entropy / log2(classes) of categorical/boolean values (ydata-profiling's). */
  imbalance?: number;
}

export interface CorrelationMatrix {
  columns: string[];
  /** Row-major, null where undefined. */
  values: Array<Array<number | null>>;
  /** Rows the coefficients were computed on (a sample when fewer than the table). */
  rows: number;
}

export interface MissingPattern {
  /** The columns missing together in these rows (empty: complete rows). */
  missing: string[];
  count: number;
  share: number;
}

export interface MlColumnSuitability {
  column: string;
  asTarget: { ok: boolean; task: 'regression' | 'classification' | null; reasons: string[] };
  asFeature: { ok: boolean; reasons: string[] };
}

export interface TableProfile {
  rows: number;
  columns: number;
  bytes: number;
  missingCells: number;
  missingCellsShare: number;
  duplicateRows: number;
  duplicateRowsShare: number;
  /** Repeated rows with how many times each occurs. */
  duplicateExamples: Array<{ row: Record<string, unknown>; count: number }>;
  /** Rows repeating all values except these (time or id) columns; null when not checked. */
  duplicatesIgnoring: { columns: string[]; rows: number } | null;
}

export interface ProfileView {
  dataSourceId: string;
  version: number;
  versionId: string;
  computedAt: string;
  durationMs: number;
  table: TableProfile;
  columns: ColumnProfile[];
  correlations: {
    pearson: CorrelationMatrix | null;
    spearman: CorrelationMatrix | null;
    cramersV: CorrelationMatrix | null;
  };
  missingPatterns: MissingPattern[];
  alerts: ProfileAlert[];
  ml: { readiness: number; columns: MlColumnSuitability[] };
  /** Seconds spent in each pass, in order (what the time went on). */
  timings?: Array<{ pass: string; seconds: number }>;
}

/** A self-contained HTML document (inline CSS and SVG, no external assets). */
export interface HtmlReport {
  fileName: string;
  html: string;
}
