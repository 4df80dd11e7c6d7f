import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import {
  ident,
  requireColumn,
  requireColumnOfType,
  NUMERIC_TYPES,
  TEMPORAL_TYPES,
  valueOrNull,
} from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { DEFAULT_RECIPE_LIMITS, type FitContext, type Relation } from '../../../core/types.js';
import { freshRowId, outputName, readOptionalStrings, requireAll } from '../shared.js';
import {
  EMPTY_PERIODS,
  EVERY,
  fillEmptyPeriods,
  type EmptyPeriods,
  type Every,
} from './resample-fill.js';

export const GROUP_FNS = [
  'sum',
  'mean',
  'min',
  'max',
  'count',
  'count_distinct',
  'median',
  'std',
  'var',
  'first',
  'last',
] as const;
export type GroupFn = (typeof GROUP_FNS)[number];

export interface Aggregation {
  column: string;
  fn: GroupFn;
  as?: string;
}

/** `aggregations: [{column, fn, as?}]`. */
export function readAggregations(raw: Record<string, unknown>): Aggregation[] {
  const value = raw.aggregations;
  if (!Array.isArray(value) || value.length === 0) {
    throw new StepError('"aggregations" must be a list of {column, fn, as?}', 'aggregations');
  }
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) {
      throw new StepError('"aggregations" must be a list of {column, fn, as?}', 'aggregations');
    }
    const entry = item as Record<string, unknown>;
    return {
      column: read.string(entry, 'column'),
      fn: read.oneOf(entry, 'fn', GROUP_FNS),
      as: read.optionalString(entry, 'as'),
    };
  });
}

/** The aggregate SQL of one aggregation; `order` orders first/last (time, then row id). */
export function aggregateSql(a: Aggregation, input: Relation, order: string): string {
  const needsNumber = ['sum', 'mean', 'median', 'std', 'var'].includes(a.fn);
  const column = needsNumber
    ? requireColumnOfType(input.schema, a.column, NUMERIC_TYPES, 'aggregations')
    : requireColumn(input.schema, a.column, 'aggregations');
  const x = valueOrNull(column); // NaN is missing, as in pandas
  const sql: Record<GroupFn, string> = {
    sum: `sum(${x})`,
    mean: `avg(${x})`,
    min: `min(${x})`,
    max: `max(${x})`,
    count: `count(${x})::INTEGER`,
    count_distinct: `count(DISTINCT ${x})::INTEGER`,
    median: `median(${x})`,
    std: `stddev_samp(${x})`,
    var: `var_samp(${x})`,
    first: `first(${x} ORDER BY ${order})`,
    last: `last(${x} ORDER BY ${order})`,
  };
  return sql[a.fn];
}

/** Output names: `as`, else the column (when aggregated once), else `<column>_<fn>`. */
export function aggregationNames(
  aggregations: readonly Aggregation[],
  keys: readonly string[],
): string[] {
  const taken = new Set<string>(keys);
  return aggregations.map((a) => {
    const once = aggregations.filter((b) => b.column === a.column).length === 1;
    const name = a.as ?? (once && !keys.includes(a.column) ? a.column : `${a.column}_${a.fn}`);
    return outputName([], name, 'aggregations', taken);
  });
}

interface ResampleParams {
  orderBy: string;
  every: Every;
  partitionBy: string[];
  aggregations: Aggregation[];
  /** First month of the water year (default 10: October, as the USGS). */
  waterYearStartMonth: number;
  /** 'fill' (default, as pandas): empty periods between a group's first and last are rows too. */
  emptyPeriods: EmptyPeriods;
  /** Most rows a fill may write (at most the server's limit, which applies when absent). */
  maxRows?: number;
}

/** Period start of each row. Month offsets are validated integers, not user text. */
function periodSql(p: ResampleParams): string {
  const t = ident(p.orderBy);
  if (p.every !== 'water_year') return `date_trunc('${p.every}', ${t})`;
  const shift = p.waterYearStartMonth - 1;
  return `(date_trunc('year', ${t} - INTERVAL ${shift} MONTH) + INTERVAL ${shift} MONTH)`;
}

/**
 * Filling writes one row per period from each group's first to its last: a wrong year in the time
 * column would ask for millions. The fill's SQL counts them from the groups' bounds (no extra pass
 * over the data) and fails past `maxRows`, which the server's limit caps.
 */
function checkFill(p: ResampleParams, _input: Relation, ctx: FitContext): Promise<ResampleParams> {
  // the columns are checked by compile, which runs next on the same input
  if (p.emptyPeriods === 'drop') return Promise.resolve(p);
  const limit = ctx.limits.resampleMaxRows;
  return Promise.resolve({ ...p, maxRows: Math.min(p.maxRows ?? limit, limit) });
}

export const resampleStep = defineStep<ResampleParams>({
  op: 'timeseries.resample',
  family: 'timeseries',
  title:
    'Resample to hour, day, week, month or water year with an aggregation per column; empty periods are rows (sums and counts 0)',
  parse: (raw) => ({
    orderBy: read.string(raw, 'orderBy'),
    every: read.oneOf(raw, 'every', EVERY),
    partitionBy: readOptionalStrings(raw, 'partitionBy'),
    aggregations: readAggregations(raw),
    waterYearStartMonth:
      raw.waterYearStartMonth === undefined ? 10 : read.integer(raw, 'waterYearStartMonth', 1, 12),
    emptyPeriods: read.oneOf(raw, 'emptyPeriods', EMPTY_PERIODS, 'fill'),
    maxRows: raw.maxRows === undefined ? undefined : read.integer(raw, 'maxRows', 1),
  }),
  check: checkFill,
  compile(p, input) {
    requireColumnOfType(input.schema, p.orderBy, TEMPORAL_TYPES, 'orderBy');
    requireAll(input.schema, p.partitionBy, 'partitionBy');
    const keys = [...p.partitionBy, p.orderBy];
    const names = aggregationNames(
      p.aggregations,
      p.every === 'water_year' ? [...keys, 'water_year'] : keys,
    );
    const order = `${ident(p.orderBy)}, "__hydroml_rid"`;
    const items = [
      ...p.partitionBy.map(ident),
      `${periodSql(p)} AS ${ident(p.orderBy)}`,
      ...p.aggregations.map((a, i) => `${aggregateSql(a, input, order)} AS ${ident(names[i])}`),
    ];
    const groups = [...p.partitionBy.map(ident), periodSql(p)];
    const grouped = `SELECT ${items.join(', ')} FROM ${ident(input.name)} GROUP BY ${groups.join(', ')}`;
    const rows =
      p.emptyPeriods === 'drop'
        ? grouped
        : fillEmptyPeriods(grouped, {
            partitionBy: p.partitionBy,
            time: p.orderBy,
            every: p.every,
            maxRows: p.maxRows ?? DEFAULT_RECIPE_LIMITS.resampleMaxRows,
            aggregates: p.aggregations.map((a, i) => ({ name: names[i], fn: a.fn })),
          });
    const sorted = keys.map(ident).join(', ');
    const waterYear =
      p.every === 'water_year'
        ? `, year(${ident(p.orderBy)})::INTEGER + ${p.waterYearStartMonth > 1 ? 1 : 0} AS "water_year"`
        : '';
    return `SELECT *${waterYear}, ${freshRowId(sorted)} FROM (${rows})`;
  },
});
