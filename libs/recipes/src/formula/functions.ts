import type { FormulaType } from './types.js';
import { commonType } from './types.js';

/** The kind an argument must have; `unit` is a text literal out of a fixed list. */
export type ArgKind = FormulaType | 'temporal' | 'unit' | 'regex';

export interface FormulaFunction {
  /** Kinds of the arguments; with `variadic`, the last kind repeats. */
  params: ArgKind[];
  /** How many trailing params may be left out. */
  optional?: number;
  variadic?: boolean;
  returns: FormulaType | ((args: FormulaType[]) => FormulaType);
  sql: (args: string[]) => string;
}

export const DATE_UNITS = [
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
] as const;

const INTERVAL_OF: Record<string, string> = {
  year: 'to_years',
  quarter: 'to_months',
  month: 'to_months',
  week: 'to_weeks',
  day: 'to_days',
  hour: 'to_hours',
  minute: 'to_minutes',
  second: 'to_seconds',
};

/** Water year named by the calendar year it ends in (Oct start: 2023-10-01 -> 2024). */
export function waterYearSql(date: string, startMonth: string): string {
  return `(year(${date}) + CASE WHEN ${startMonth} > 1 AND month(${date}) >= ${startMonth} THEN 1 ELSE 0 END)`;
}

const num = (sql: (a: string[]) => string, arity = 1): FormulaFunction => ({
  params: Array<ArgKind>(arity).fill('number'),
  returns: 'number',
  sql,
});
const text = (
  sql: (a: string[]) => string,
  params: ArgKind[],
  returns: FormulaType = 'string',
): FormulaFunction => ({
  params,
  returns,
  sql,
});
const part = (fn: string): FormulaFunction => ({
  params: ['temporal'],
  returns: 'number',
  sql: ([d]) => `${fn}(${d})`,
});

export const FUNCTIONS: Record<string, FormulaFunction> = {
  abs: num(([x]) => `abs(${x})`),
  round: {
    params: ['number', 'number'],
    optional: 1,
    returns: 'number',
    sql: ([x, d]) => `round(${x}, CAST(${d ?? '0'} AS INTEGER))`,
  },
  floor: num(([x]) => `floor(${x})`),
  ceil: num(([x]) => `ceil(${x})`),
  sqrt: num(([x]) => `CASE WHEN ${x} >= 0 THEN sqrt(${x}) END`),
  exp: num(([x]) => `exp(${x})`),
  ln: num(([x]) => `CASE WHEN ${x} > 0 THEN ln(${x}) END`),
  log10: num(([x]) => `CASE WHEN ${x} > 0 THEN log10(${x}) END`),
  log: {
    params: ['number', 'number'],
    optional: 1,
    returns: 'number',
    sql: ([x, b]) =>
      b
        ? `CASE WHEN ${x} > 0 AND ${b} > 0 AND ${b} <> 1 THEN ln(${x}) / ln(${b}) END`
        : `CASE WHEN ${x} > 0 THEN ln(${x}) END`,
  },
  power: num(([a, b]) => `power(${a}, ${b})`, 2),
  pow: num(([a, b]) => `power(${a}, ${b})`, 2),
  mod: num(([a, b]) => `(${a} % nullif(${b}, 0))`, 2),
  sign: num(([x]) => `sign(${x})`),
  clip: num(([x, lo, hi]) => `least(greatest(${x}, ${lo}), ${hi})`, 3),
  min: {
    params: ['any', 'any'],
    variadic: true,
    returns: commonType,
    sql: (a) => `least(${a.join(', ')})`,
  },
  max: {
    params: ['any', 'any'],
    variadic: true,
    returns: commonType,
    sql: (a) => `greatest(${a.join(', ')})`,
  },
  coalesce: {
    params: ['any', 'any'],
    variadic: true,
    returns: commonType,
    sql: (a) => `coalesce(${a.join(', ')})`,
  },
  ifnull: { params: ['any', 'any'], returns: commonType, sql: ([a, b]) => `coalesce(${a}, ${b})` },
  nullif: { params: ['any', 'any'], returns: ([t]) => t, sql: ([a, b]) => `nullif(${a}, ${b})` },
  isnull: { params: ['any'], returns: 'boolean', sql: ([x]) => `(${x} IS NULL)` },
  if: {
    params: ['boolean', 'any', 'any'],
    optional: 1,
    returns: (t) => commonType(t.slice(1)),
    sql: ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b ?? 'NULL'} END`,
  },
  lower: text(([s]) => `lower(${s})`, ['string']),
  upper: text(([s]) => `upper(${s})`, ['string']),
  trim: text(([s]) => `trim(${s})`, ['string']),
  length: text(([s]) => `length(${s})`, ['string'], 'number'),
  len: text(([s]) => `length(${s})`, ['string'], 'number'),
  substr: {
    params: ['string', 'number', 'number'],
    optional: 1,
    returns: 'string',
    sql: ([s, i, n]) =>
      n
        ? `substring(${s}, CAST(${i} AS BIGINT), CAST(${n} AS BIGINT))`
        : `substring(${s}, CAST(${i} AS BIGINT))`,
  },
  left: text(([s, n]) => `left(${s}, CAST(${n} AS BIGINT))`, ['string', 'number']),
  right: text(([s, n]) => `right(${s}, CAST(${n} AS BIGINT))`, ['string', 'number']),
  replace: text(([s, a, b]) => `replace(${s}, ${a}, ${b})`, ['string', 'string', 'string']),
  contains: text(([s, t]) => `contains(${s}, ${t})`, ['string', 'string'], 'boolean'),
  startswith: text(([s, t]) => `starts_with(${s}, ${t})`, ['string', 'string'], 'boolean'),
  endswith: text(([s, t]) => `ends_with(${s}, ${t})`, ['string', 'string'], 'boolean'),
  matches: text(([s, r]) => `regexp_matches(${s}, ${r})`, ['string', 'regex'], 'boolean'),
  concat: {
    params: ['any'],
    variadic: true,
    returns: 'string',
    sql: (a) => `concat(${a.map((x) => `CAST(${x} AS VARCHAR)`).join(', ')})`,
  },
  text: { params: ['any'], returns: 'string', sql: ([x]) => `CAST(${x} AS VARCHAR)` },
  number: { params: ['any'], returns: 'number', sql: ([x]) => `TRY_CAST(${x} AS DOUBLE)` },
  int: { params: ['any'], returns: 'number', sql: ([x]) => `TRY_CAST(${x} AS BIGINT)` },
  year: part('year'),
  month: part('month'),
  day: part('day'),
  hour: part('hour'),
  minute: part('minute'),
  second: part('second'),
  weekday: part('isodow'),
  dayofyear: part('dayofyear'),
  quarter: part('quarter'),
  week: part('weekofyear'),
  wateryear: {
    params: ['temporal', 'number'],
    optional: 1,
    returns: 'number',
    sql: ([d, m]) => waterYearSql(d, m ?? '10'),
  },
  date: {
    params: ['number', 'number', 'number'],
    returns: 'date',
    sql: ([y, m, d]) =>
      `try(make_date(CAST(${y} AS BIGINT), CAST(${m} AS BIGINT), CAST(${d} AS BIGINT)))`,
  },
  todate: {
    params: ['string', 'string'],
    optional: 1,
    returns: 'timestamp',
    sql: ([s, f]) => (f ? `try_strptime(${s}, ${f})` : `TRY_CAST(${s} AS TIMESTAMP)`),
  },
  datediff: {
    params: ['unit', 'temporal', 'temporal'],
    returns: 'number',
    sql: ([u, a, b]) => `date_diff(${u}, ${a}, ${b})`,
  },
  datetrunc: {
    params: ['unit', 'temporal'],
    returns: 'timestamp',
    sql: ([u, d]) => `date_trunc(${u}, ${d})`,
  },
};

/** `dateadd(unit, n, date)`: the unit picks the interval function, so it is compiled apart. */
export function dateAddSql(unit: string, n: string, date: string): string {
  const factor = unit === 'quarter' ? ' * 3' : '';
  return `(${date} + ${INTERVAL_OF[unit]}(CAST(${n} AS BIGINT)${factor}))`;
}
