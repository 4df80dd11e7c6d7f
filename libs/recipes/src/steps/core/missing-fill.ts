import type { ColumnSchema } from '@hydroml/contracts';
import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import {
  ident,
  NUMERIC_TYPES,
  requireColumn,
  requireColumnOfType,
  selectReplacing,
  valueOrNull,
} from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { ROW_ID, type CompileContext, type SqlValue } from '../../core/types.js';
import { optionalStrings, requireColumns } from './shared.js';

export const FILL_METHODS = [
  'constant',
  'mean',
  'median',
  'mode',
  'ffill',
  'bfill',
  'interpolate',
] as const;
type FillMethod = (typeof FILL_METHODS)[number];
const FITTED: readonly FillMethod[] = ['mean', 'median', 'mode'];

export interface FillParams {
  column: string;
  method: FillMethod;
  value?: SqlValue;
  orderBy?: string;
  groupBy?: string[];
  /** mean / median / mode as fitted on the data the step was added on. */
  fitted?: SqlValue;
}

function scalar(raw: Record<string, unknown>, field: string): SqlValue | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
    return value as SqlValue;
  throw new StepError(`"${field}" must be a single value`, field);
}

function parseFill(raw: Record<string, unknown>): FillParams {
  const method = read.oneOf(raw, 'method', FILL_METHODS);
  const p: FillParams = {
    column: read.string(raw, 'column'),
    method,
    value: scalar(raw, 'value'),
    orderBy: read.optionalString(raw, 'orderBy'),
    groupBy: optionalStrings(raw, 'groupBy'),
    fitted: scalar(raw, 'fitted'),
  };
  if (method === 'constant' && (p.value === undefined || p.value === null)) {
    throw new StepError('"value" is required to fill with a constant', 'value');
  }
  if (FITTED.includes(method) && (p.groupBy || p.orderBy)) {
    throw new StepError('"groupBy" and "orderBy" apply to ffill, bfill and interpolate', 'groupBy');
  }
  return p;
}

/** The fill value, typed like the column (bound, then cast to the column's engine type). */
function typedValue(column: ColumnSchema, value: SqlValue, ctx: CompileContext): string {
  return `TRY_CAST(${ctx.bind(value)} AS ${column.sourceType})`;
}

function windowOf(p: FillParams, input: { schema: ColumnSchema[] }, frame: string): string {
  const partition = p.groupBy
    ? `PARTITION BY ${requireColumns(input.schema, p.groupBy, 'groupBy')
        .map((c) => ident(c.name))
        .join(', ')} `
    : '';
  const order = p.orderBy
    ? `${ident(requireColumn(input.schema, p.orderBy, 'orderBy').name)}, `
    : '';
  return `OVER (${partition}ORDER BY ${order}${ident(ROW_ID)} ${frame})`;
}

const BEFORE = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';
const AFTER = 'ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING';

/**
 * Linear in the order column (numbers, or dates as epoch seconds; the row id by default); trailing
 * missing values take the last known one, leading ones stay missing (pandas' interpolate).
 */
function interpolate(p: FillParams, input: { schema: ColumnSchema[] }): string {
  const col = valueOrNull(requireColumn(input.schema, p.column));
  let x = ident(ROW_ID);
  if (p.orderBy) {
    const order = requireColumnOfType(
      input.schema,
      p.orderBy,
      [...NUMERIC_TYPES, 'date', 'timestamp'],
      'orderBy',
    );
    x =
      order.type === 'date' || order.type === 'timestamp'
        ? `epoch(${ident(order.name)})`
        : ident(order.name);
  }
  const known = (e: string) => `CASE WHEN ${col} IS NOT NULL THEN ${e} END`;
  const [before, after] = [windowOf(p, input, BEFORE), windowOf(p, input, AFTER)];
  const v0 = `last_value(${col} IGNORE NULLS) ${before}`;
  const x0 = `last_value(${known(`${x}::DOUBLE`)} IGNORE NULLS) ${before}`;
  const v1 = `first_value(${col} IGNORE NULLS) ${after}`;
  const x1 = `first_value(${known(`${x}::DOUBLE`)} IGNORE NULLS) ${after}`;
  const line = `(${v0}) + ((${v1}) - (${v0})) * (${x}::DOUBLE - (${x0})) / nullif((${x1}) - (${x0}), 0)`;
  // After the last known value (or between two at the same position) the last value carries on,
  // as pandas' default limit_direction='forward' does; before the first one stays NULL.
  return `coalesce(${col}::DOUBLE, ${line}, (${v0})::DOUBLE)`;
}

function fillExpression(
  p: FillParams,
  column: ColumnSchema,
  input: { schema: ColumnSchema[] },
  ctx: CompileContext,
): string {
  // NaN counts as missing (as in pandas): filled, and never carried forward or backward.
  const value = valueOrNull(column);
  switch (p.method) {
    case 'constant':
      return `coalesce(${value}, ${typedValue(column, p.value ?? null, ctx)})`;
    case 'mean':
    case 'median':
    case 'mode':
      return `coalesce(${value}, ${typedValue(column, p.fitted ?? null, ctx)})`;
    case 'ffill':
      return `coalesce(${value}, last_value(${value} IGNORE NULLS) ${windowOf(p, input, BEFORE)})`;
    case 'bfill':
      return `coalesce(${value}, first_value(${value} IGNORE NULLS) ${windowOf(p, input, AFTER)})`;
    case 'interpolate':
      requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
      return interpolate(p, input);
  }
}

const AGGREGATE: Record<'mean' | 'median' | 'mode', string> = {
  mean: 'avg',
  median: 'median',
  mode: 'mode',
};

const fill = defineStep<FillParams>({
  op: 'missing.fill',
  family: 'missing',
  title: 'Fill missing values',
  parse: parseFill,
  isFitted: (p) => !FITTED.includes(p.method) || p.fitted !== undefined,
  async fit(p, input, ctx) {
    if (!FITTED.includes(p.method)) return p; // ffill, interpolate…: nothing to learn
    if (p.method === 'mean' || p.method === 'median') {
      requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    } else requireColumn(input.schema, p.column);
    const method = p.method as 'mean' | 'median' | 'mode';
    const [row] = await ctx.query(
      `SELECT ${AGGREGATE[method]}(${ident(p.column)}) AS v FROM ${ident(input.name)}`,
    );
    const v = row?.v;
    const fitted =
      typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : null;
    return { ...p, fitted };
  },
  compile(p, input, ctx) {
    const column = requireColumn(input.schema, p.column);
    if (column.type === 'other') {
      throw new StepError(
        `column "${p.column}" has type ${column.sourceType}, which cannot be filled`,
        'column',
      );
    }
    return selectReplacing(input, new Map([[p.column, fillExpression(p, column, input, ctx)]]));
  },
});

export const FILL_STEPS = [fill];
