import { ident } from '../../../core/sql.js';

export const EVERY = ['hour', 'day', 'week', 'month', 'quarter', 'year', 'water_year'] as const;
export type Every = (typeof EVERY)[number];

/** `fill`: every period from a group's first to last, as pandas' resample; `drop`: only periods with rows. */
export const EMPTY_PERIODS = ['fill', 'drop'] as const;
export type EmptyPeriods = (typeof EMPTY_PERIODS)[number];

/**
 * Distance between consecutive period starts. date_trunc('week') gives Mondays, so 7 days;
 * month, quarter, year and water-year starts are the first day of a month, so adding whole
 * months or years from one start lands exactly on the next.
 */
const STEP: Record<Every, string> = {
  hour: 'INTERVAL 1 HOUR',
  day: 'INTERVAL 1 DAY',
  week: 'INTERVAL 7 DAY',
  month: 'INTERVAL 1 MONTH',
  quarter: 'INTERVAL 3 MONTH',
  year: 'INTERVAL 1 YEAR',
  water_year: 'INTERVAL 1 YEAR',
};

/** Aggregates that pandas gives 0 (not NaN) for an empty period. */
const ZERO_WHEN_EMPTY: readonly string[] = ['sum', 'count', 'count_distinct'];

export interface GroupedShape {
  partitionBy: readonly string[];
  /** The period column (named as the time column). */
  time: string;
  every: Every;
  /** The fill fails (naming the count) when it would write more rows than this. */
  maxRows: number;
  /** Output column and aggregate function, in output order. */
  aggregates: ReadonlyArray<{ name: string; fn: string }>;
}

/** date_diff unit counting periods between two period starts (water years start on one date). */
const DIFF_UNIT: Record<Every, string> = {
  ...{ hour: 'hour', day: 'day', week: 'week', month: 'month', quarter: 'quarter' },
  ...{ year: 'year', water_year: 'year' },
};

/**
 * One row whose `ok` is true, or an error (DuckDB's error()) when the periods of all groups
 * together exceed the limit: the series below reads it, so it runs before anything is generated.
 */
function guardSql(shape: GroupedShape, bounds: string): string {
  const n = `coalesce(sum(date_diff('${DIFF_UNIT[shape.every]}', "__hydroml_lo", "__hydroml_hi") + 1), 0)`;
  const message = `'filling empty periods would write ' || ${n}::VARCHAR || ' rows, more than the limit of ${shape.maxRows}: check the time column for outliers (a wrong year), resample coarser, or set "emptyPeriods": "drop"'`;
  return `SELECT CASE WHEN ${n} > ${shape.maxRows} THEN error(${message}) ELSE true END AS ok FROM ${bounds}`;
}

const G = ident('__hydroml_resample_grouped');
const BOUNDS = ident('__hydroml_resample_bounds');
const SERIES = ident('__hydroml_resample_series');
const GUARD = ident('__hydroml_resample_guard');

/**
 * `grouped` (one row per partition and period with rows) with the empty periods added: per
 * partition, a series of period starts from its first to its last period, left-joined to the
 * grouped rows. The series comes from generate_series over the grouped period column itself, so it
 * has that column's type (date_trunc gives TIMESTAMP for DATE and TIMESTAMP, TIMESTAMPTZ for
 * TIMESTAMPTZ) and the join compares like with like. Partition keys join with IS NOT DISTINCT
 * FROM, so a NULL key is a group like any other. Rows whose time is NULL form a NULL period (as
 * with 'drop'); it stays out of the bounds and is appended as is.
 */
export function fillEmptyPeriods(grouped: string, shape: GroupedShape): string {
  const keys = shape.partitionBy.map(ident);
  const t = ident(shape.time);
  const groupBy = keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : '';
  const bounds = `SELECT ${[...keys, `min(${t}) AS "__hydroml_lo"`, `max(${t}) AS "__hydroml_hi"`].join(', ')}
    FROM ${G} WHERE ${t} IS NOT NULL${groupBy}`;
  // without partitions, bounds is one row of NULLs when every time is NULL: the series is empty
  const series = `SELECT ${[...keys, `unnest(generate_series("__hydroml_lo", "__hydroml_hi", ${STEP[shape.every]})) AS ${t}`].join(', ')}
    FROM ${BOUNDS} WHERE (SELECT ok FROM ${GUARD})`;
  const on = [...keys.map((k) => `s.${k} IS NOT DISTINCT FROM g.${k}`), `s.${t} = g.${t}`];
  const columns = [
    ...keys.map((k) => `s.${k}`),
    `s.${t}`,
    ...shape.aggregates.map(({ name, fn }) => {
      const col = `g.${ident(name)}`;
      // only a missing period is 0: a period whose values are all NULL keeps its aggregate, as with 'drop'
      const value = ZERO_WHEN_EMPTY.includes(fn)
        ? `CASE WHEN g.${t} IS NULL THEN 0 ELSE ${col} END`
        : col;
      return `${value} AS ${ident(name)}`;
    }),
  ];
  return `WITH ${G} AS MATERIALIZED (${grouped}), ${BOUNDS} AS (${bounds}),
    ${GUARD} AS (${guardSql(shape, BOUNDS)}), ${SERIES} AS (${series})
    SELECT ${columns.join(', ')} FROM ${SERIES} s LEFT JOIN ${G} g ON ${on.join(' AND ')}
    UNION ALL SELECT * FROM ${G} WHERE ${t} IS NULL`;
}
