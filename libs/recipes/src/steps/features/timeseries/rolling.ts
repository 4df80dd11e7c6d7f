import type { ColumnSchema } from '@hydroml/contracts';
import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn, valueOrNull } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { AppendedColumns, Relation } from '../../../core/types.js';
import {
  appending,
  checkSeriesOrder,
  outputName,
  readColumnList,
  readSeriesOrder,
  readWindowSize,
  requireNumeric,
  requireTemporalOrder,
  spanSql,
  windowOf,
  type SeriesOrder,
  type WindowSize,
} from '../shared.js';

export const WINDOW_FNS = ['mean', 'sum', 'min', 'max', 'std', 'median', 'count'] as const;
export type WindowFn = (typeof WINDOW_FNS)[number];

const AGG: Record<WindowFn, string> = {
  mean: 'avg',
  sum: 'sum',
  min: 'min',
  max: 'max',
  std: 'stddev_samp',
  median: 'median',
  count: 'count',
};

/** Counts as INTEGER: BIGINT reaches clients as text. */
const CAST: Partial<Record<WindowFn, string>> = { count: '::INTEGER' };

export function readFns(raw: Record<string, unknown>): WindowFn[] {
  const value = raw.fns ?? raw.fn ?? 'mean';
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((f) => (WINDOW_FNS as readonly unknown[]).includes(f))) {
    throw new StepError(
      `"fn" must be one of ${WINDOW_FNS.join(', ')} (or "fns" a list of them)`,
      'fn',
    );
  }
  return list as WindowFn[];
}

interface RollingParams extends SeriesOrder {
  columns: string[];
  fns: WindowFn[];
  /** n rows, or a time span such as '7 days' covering (t − span, t] like pandas' rolling('7D'). */
  window: number | string;
  /** Fewer non-null values in the window give NULL (default: n for row windows, 1 for spans). */
  minPeriods?: number;
  /** Name of the one output column (one column and one fn only). */
  as?: string;
}

/** The window as given, checked. */
function windowParam(raw: Record<string, unknown>): number | string {
  readWindowSize(raw);
  return raw.window as number | string;
}

/** The OVER clause of a rolling window. */
function rollingOver(p: RollingParams, size: WindowSize): string {
  if ('rows' in size) {
    return `${windowOf(p)} ROWS BETWEEN ${size.rows - 1} PRECEDING AND CURRENT ROW`;
  }
  const partition =
    p.partitionBy.length > 0 ? `PARTITION BY ${p.partitionBy.map(ident).join(', ')} ` : '';
  // (t − span, t]: the frame start excludes t − span itself, as pandas does
  const start = `(${spanSql(size.span)} - INTERVAL 1 MICROSECOND) PRECEDING`;
  return `${partition}ORDER BY ${ident(p.orderBy)} RANGE BETWEEN ${start} AND CURRENT ROW`;
}

/**
 * `agg(x) OVER (…)`, NULL when fewer than `minPeriods` non-null values are in the frame. For `count`
 * the observations are the frame's rows, as in pandas (whose count sees each row as 0 or 1): the
 * first rows of a row window are NULL, and a NULL value counts 0 once the frame is full.
 */
export function windowAggregate(
  fn: WindowFn,
  column: ColumnSchema,
  over: string,
  minPeriods: number,
): string {
  const x = valueOrNull(column); // NaN is missing, as in pandas
  const value = `${AGG[fn]}(${x}) OVER (${over})${CAST[fn] ?? ''}`;
  if (minPeriods <= 1) return value;
  const observed = fn === 'count' ? 'count(*)' : `count(${x})`;
  return `CASE WHEN ${observed} OVER (${over}) >= ${minPeriods} THEN ${value} END`;
}

function windowLabel(window: WindowSize): string {
  return 'rows' in window ? `${window.rows}` : `${window.span.amount}_${window.span.unit}`;
}

function rollingColumns(p: RollingParams, input: Relation): AppendedColumns {
  checkSeriesOrder(input.schema, p);
  requireNumeric(input.schema, p.columns);
  // params keep the window as given (a number or '7 days') so stored steps parse again
  const size = readWindowSize({ window: p.window });
  if ('span' in size) requireTemporalOrder(input.schema, p);
  const over = rollingOver(p, size);
  const minPeriods = p.minPeriods ?? ('rows' in size ? size.rows : 1);
  const taken = new Set<string>();
  const added: Array<[string, string]> = [];
  for (const c of p.columns) {
    for (const fn of p.fns) {
      const name = p.as ?? `${c}_rolling_${fn}_${windowLabel(size)}`;
      added.push([
        outputName(input.schema, name, 'as', taken),
        windowAggregate(fn, requireColumn(input.schema, c), over, minPeriods),
      ]);
    }
  }
  return { columns: added, reads: [...p.columns, p.orderBy, ...p.partitionBy] };
}

export const rollingStep = defineStep<RollingParams>({
  op: 'timeseries.rolling',
  family: 'timeseries',
  title: 'Rolling mean/sum/min/max/std/median/count over n rows or a time window',
  parse(raw) {
    const p: RollingParams = {
      ...readSeriesOrder(raw),
      columns: readColumnList(raw),
      fns: readFns(raw),
      window: windowParam(raw),
      minPeriods:
        raw.minPeriods === undefined ? undefined : read.integer(raw, 'minPeriods', 0, 1_000_000),
      as: read.optionalString(raw, 'as'),
    };
    if (p.as && p.columns.length * p.fns.length > 1) {
      throw new StepError('"as" names one output: give one column and one fn', 'as');
    }
    return p;
  },
  ...appending(rollingColumns),
});

interface ExpandingParams extends SeriesOrder {
  columns: string[];
  fns: WindowFn[];
  minPeriods: number;
}

export const expandingStep = defineStep<ExpandingParams>({
  op: 'timeseries.expanding',
  family: 'timeseries',
  title: 'Expanding (cumulative) aggregates from the start of each series',
  parse: (raw) => ({
    ...readSeriesOrder(raw),
    columns: readColumnList(raw),
    fns: readFns(raw),
    minPeriods: raw.minPeriods === undefined ? 1 : read.integer(raw, 'minPeriods', 0, 1_000_000),
  }),
  ...appending<ExpandingParams>((p, input) => {
    checkSeriesOrder(input.schema, p);
    requireNumeric(input.schema, p.columns);
    const over = `${windowOf(p)} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`;
    const taken = new Set<string>();
    const added = p.columns.flatMap((c) =>
      p.fns.map((fn): [string, string] => [
        outputName(input.schema, `${c}_expanding_${fn}`, 'columns', taken),
        windowAggregate(fn, requireColumn(input.schema, c), over, p.minPeriods),
      ]),
    );
    return { columns: added, reads: [...p.columns, p.orderBy, ...p.partitionBy] };
  }),
});
