import type { ColumnSchema } from '@hydroml/contracts';
import { read } from '../../core/params.js';
import {
  ident,
  requireColumn,
  requireColumnOfType,
  selectReplacing,
  NUMERIC_TYPES,
  TEMPORAL_TYPES,
} from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import {
  ROW_ID,
  type AppendedColumns,
  type CompileContext,
  type Relation,
  type StepDefinition,
} from '../../core/types.js';

/** The quoted hidden row id. */
export const RID = ident(ROW_ID);

/** Checks that every listed column exists and is numeric; returns the list. */
export function requireNumeric(schema: readonly ColumnSchema[], columns: readonly string[]): void {
  for (const c of columns) requireColumnOfType(schema, c, NUMERIC_TYPES, 'columns');
}

/** Every column exists. */
export function requireAll(
  schema: readonly ColumnSchema[],
  columns: readonly string[],
  field: string,
): void {
  for (const c of columns) requireColumn(schema, c, field);
}

/** `columns` from raw params, or one `column`. */
export function readColumnList(raw: Record<string, unknown>): string[] {
  if (raw.columns === undefined && typeof raw.column === 'string')
    return [read.string(raw, 'column')];
  return read.strings(raw, 'columns');
}

/** Optional list of names (`[]` when absent). */
export function readOptionalStrings(raw: Record<string, unknown>, field: string): string[] {
  return raw[field] === undefined || raw[field] === null ? [] : read.strings(raw, field, 0);
}

/** Names of the numeric columns of a schema (a default for "all columns"). */
export function numericColumns(schema: readonly ColumnSchema[]): string[] {
  return schema.filter((c) => NUMERIC_TYPES.includes(c.type)).map((c) => c.name);
}

/** Ordering of time-series steps: a time (or any sortable) column, optionally per group. */
export interface SeriesOrder {
  orderBy: string;
  partitionBy: string[];
}

export function readSeriesOrder(raw: Record<string, unknown>): SeriesOrder {
  return {
    orderBy: read.string(raw, 'orderBy'),
    partitionBy: readOptionalStrings(raw, 'partitionBy'),
  };
}

/** Validates the ordering against the schema. */
export function checkSeriesOrder(
  schema: readonly ColumnSchema[],
  order: SeriesOrder,
): ColumnSchema {
  requireAll(schema, order.partitionBy, 'partitionBy');
  return requireColumn(schema, order.orderBy, 'orderBy');
}

/** `PARTITION BY … ORDER BY time, rid` (the row id breaks ties deterministically). */
export function windowOf(order: SeriesOrder, extraPartition: string[] = []): string {
  const parts = [...order.partitionBy.map(ident), ...extraPartition];
  const partition = parts.length > 0 ? `PARTITION BY ${parts.join(', ')} ` : '';
  return `${partition}ORDER BY ${ident(order.orderBy)}, ${RID}`;
}

const UNITS = [
  'microsecond',
  'millisecond',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
] as const;
export type IntervalUnit = (typeof UNITS)[number];

/** A parsed time span such as '7 days' or '1 hour'. */
export interface Span {
  amount: number;
  unit: IntervalUnit;
}

/** Parses '7 days', '3 hours', '1 week' (integer amount, plural optional). */
export function parseSpan(text: string, field: string): Span {
  const match = /^\s*(\d{1,9})\s*([a-z]+?)s?\s*$/i.exec(text);
  const unit = match?.[2].toLowerCase();
  if (!match || !(UNITS as readonly string[]).includes(unit ?? '')) {
    throw new StepError(`"${field}" must be a time span such as '7 days' or '3 hours'`, field);
  }
  return { amount: Number(match[1]), unit: unit as IntervalUnit };
}

/**
 * The SQL of a span. The amount is a validated integer and the unit one of a fixed list, so the text
 * is ours (window frame offsets must be constants, placeholders are not accepted there).
 */
export function spanSql(span: Span): string {
  return `INTERVAL ${span.amount} ${span.unit.toUpperCase()}`;
}

/** A row window ('n rows') or a time window ('7 days'). */
export type WindowSize = { rows: number } | { span: Span };

export function readWindowSize(raw: Record<string, unknown>, field = 'window'): WindowSize {
  const value = raw[field];
  if (typeof value === 'number') return { rows: read.integer(raw, field, 1, 1_000_000) };
  if (typeof value === 'string') return { span: parseSpan(value, field) };
  throw new StepError(`"${field}" must be a number of rows or a time span such as '7 days'`, field);
}

/** Time windows need a date or timestamp order column. */
export function requireTemporalOrder(schema: readonly ColumnSchema[], order: SeriesOrder): void {
  requireColumnOfType(schema, order.orderBy, TEMPORAL_TYPES, 'orderBy');
}

/** A fresh row id for steps that make new rows: `row_number()` over the new order, from 0. */
export function freshRowId(orderSql: string): string {
  return `(row_number() OVER (ORDER BY ${orderSql}) - 1) AS ${RID}`;
}

/** `SELECT *` plus the row id (for wrapping a subquery). */
export function allColumns(input: Relation): string {
  return [...input.schema.map((c) => ident(c.name)), RID].join(', ');
}

/** A name for a new column: `as` when given, else the generated one; checked against the schema. */
export function outputName(
  schema: readonly ColumnSchema[],
  wanted: string,
  field = 'as',
  taken: Set<string> = new Set(),
): string {
  if (schema.some((c) => c.name === wanted) || taken.has(wanted) || wanted === ROW_ID) {
    throw new StepError(`column "${wanted}" already exists`, field);
  }
  taken.add(wanted);
  return wanted;
}

/** A number fitted from a query result (DuckDB's JSON rows give numbers, strings for big ints). */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A record of numbers in raw params, or undefined when absent (not fitted yet). */
export function readNumberRecord(
  raw: Record<string, unknown>,
  field: string,
): Record<string, number | null> | undefined {
  if (raw[field] === undefined || raw[field] === null) return undefined;
  const object = read.object(raw, field);
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new StepError(`"${field}.${key}" must be a number`, field);
    }
    out[key] = value;
  }
  return out;
}

/**
 * `append` and `compile` of a step that only appends columns: the compiler may merge runs of such
 * steps into one SELECT (see StepDefinition.append).
 */
export function appending<P>(
  append: (params: P, input: Relation, ctx: CompileContext) => AppendedColumns,
): Pick<StepDefinition<P>, 'append' | 'compile'> {
  return {
    append,
    compile: (params, input, ctx) =>
      selectReplacing(input, new Map(), append(params, input, ctx).columns),
  };
}
