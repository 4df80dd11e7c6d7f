import type { ColumnSchema, ColumnType } from '@hydroml/contracts';

/** How a storage type is profiled. */
export type Kind = 'numeric' | 'temporal' | 'string' | 'boolean' | 'other';

export function kindOf(type: ColumnType): Kind {
  if (type === 'integer' || type === 'float') return 'numeric';
  if (type === 'date' || type === 'timestamp') return 'temporal';
  if (type === 'string' || type === 'boolean') return type;
  return 'other';
}

/** Text values that usually stand for a missing value (compared after trimming). */
export const NULL_LIKE_TEXT = [
  'null',
  'NULL',
  'Null',
  'NA',
  'N/A',
  'n/a',
  'na',
  '#N/A',
  'NaN',
  'nan',
  'None',
  'none',
  '-',
  '?',
  '-999',
  '-9999',
  '-999.0',
  '-9999.0',
] as const;

/** Numeric sentinels for "no measurement" common in hydrological and met data. */
export const NULL_LIKE_NUMBERS = [-999, -9999, -99999] as const;

/**
 * Distinct values are counted exactly up to this many rows; beyond it HyperLogLog (labelled
 * approximate), made exact again for columns whose values are grouped anyway (top values) and
 * for identifier candidates.
 */
export const EXACT_DISTINCT_ROWS = 100_000;

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const HISTOGRAM_BINS = 50;
export const TOP_K = 10;

export interface NumericBasics {
  min: number | null;
  max: number | null;
  mean: number | null;
  sum: number | null;
  std: number | null;
  variance: number | null;
  zeros: number;
  negatives: number;
  infinite: number;
  quantiles: Array<number | null>;
}

export interface TextBasics {
  minLength: number | null;
  maxLength: number | null;
  meanLength: number | null;
  /** Values that read as numbers (null-like tokens excluded). */
  numeric: number;
  dates: number;
}

export interface TemporalBasics {
  min: string | null;
  max: string | null;
  minEpoch: number | null;
  maxEpoch: number | null;
}

/** Pass-1 statistics of one column. */
export interface BasicStats {
  column: ColumnSchema;
  kind: Kind;
  count: number;
  distinct: number;
  distinctApproximate: boolean;
  nullLike: Array<{ value: string; count: number }>;
  numeric?: NumericBasics;
  text?: TextBasics;
  temporal?: TemporalBasics;
  bool?: { trueCount: number; falseCount: number };
}

/** Pass-2 statistics of a numeric column: centered moment sums and histogram counts. */
export interface Moments {
  m2: number;
  m3: number;
  m4: number;
}
