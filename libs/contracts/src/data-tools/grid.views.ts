import type { ColumnSchema } from './datasets.views.js';

/** A page for AG Grid's server-side row model: rows (or group rows) and the exact filtered count. */
export interface GridRows {
  rowData: Array<Record<string, unknown>>;
  rowCount: number;
}

/** Distinct values of a column (as text; null for blanks) with how often each occurs. */
export interface ColumnValues {
  values: Array<string | null>;
  counts: number[];
  /** Distinct values matching the search. */
  total: number;
  offset: number;
  limit: number;
}

export interface SqlResult {
  columns: ColumnSchema[];
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  /** True when the query had more rows than the limit. */
  truncated: boolean;
  durationMs: number;
}

export interface SqlHistoryEntry {
  id: string;
  sql: string;
  dataSourceId: string | null;
  version: number | null;
  sessionId: string | null;
  status: 'succeeded' | 'failed';
  error: string | null;
  rowCount: number | null;
  durationMs: number;
  createdAt: string;
}

export interface HistogramChart {
  kind: 'histogram';
  column: string;
  /** Bin edges (bins + 1) and counts per bin, ready for a Plotly bar with x = centers. */
  edges: number[];
  centers: number[];
  counts: number[];
  nulls: number;
}

export interface BoxStats {
  name: string;
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  lowerfence: number | null;
  upperfence: number | null;
  /** Up to 200 values outside the fences. */
  outliers: number[];
}

export interface BoxChart {
  kind: 'box';
  boxes: BoxStats[];
}

export interface ScatterChart {
  kind: 'scatter';
  x: unknown[];
  y: unknown[];
  color?: unknown[];
  total: number;
  sampled: boolean;
}

export interface LineSeries {
  name: string;
  x: unknown[];
  y: Array<number | null>;
}

export interface LineChart {
  kind: 'line';
  series: LineSeries[];
  total: number;
  downsampled: boolean;
}

export interface BarChart {
  kind: 'bar';
  labels: Array<string | null>;
  values: number[];
  /** The value of all categories after the top k ("other"). */
  other: number;
  otherCategories: number;
}

export interface CorrelationChart {
  kind: 'correlation';
  method: 'pearson' | 'spearman';
  columns: string[];
  /** Plotly heatmap z; null where undefined (constant column, no pairs). */
  matrix: Array<Array<number | null>>;
  rows: number;
  sampled: boolean;
}

export interface MissingChart {
  kind: 'missing';
  columns: string[];
  rows: number;
  nulls: number[];
  fractions: number[];
  /** Fraction missing per row band (z[band][column]), bands in row order; for a heatmap. */
  bands: number[][];
  bandStarts: number[];
}

export type ChartData =
  HistogramChart | BoxChart | ScatterChart | LineChart | BarChart | CorrelationChart | MissingChart;
