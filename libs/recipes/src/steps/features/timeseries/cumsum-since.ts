import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import {
  ident,
  requireColumn,
  requireColumnOfType,
  selectReplacing,
  NUMERIC_TYPES,
} from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { CompileContext } from '../../../core/types.js';
import {
  checkSeriesOrder,
  outputName,
  readSeriesOrder,
  RID,
  windowOf,
  type SeriesOrder,
} from '../shared.js';

const OPS = ['=', '!=', '<', '<=', '>', '>=', 'is_null', 'is_not_null'] as const;

interface CumsumSinceParams extends SeriesOrder {
  column: string;
  /** The event that restarts the sum: `eventColumn op value` (eventColumn defaults to column). */
  eventColumn?: string;
  op: (typeof OPS)[number];
  value?: number | string;
  as?: string;
}

function eventSql(p: CumsumSinceParams, ctx: CompileContext): string {
  const c = ident(p.eventColumn ?? p.column);
  if (p.op === 'is_null') return `${c} IS NULL`;
  if (p.op === 'is_not_null') return `${c} IS NOT NULL`;
  if (p.value === undefined) throw new StepError(`op "${p.op}" needs a "value"`, 'value');
  return `coalesce(${c} ${p.op} ${ctx.bind(p.value)}, false)`;
}

/**
 * Cumulative sum since the last event (e.g. rain since the last dry day: event `precip <= 0`): the
 * sum restarts at each event row (which counts itself), per group, in time order.
 */
export const cumsumSinceStep = defineStep<CumsumSinceParams>({
  op: 'timeseries.cumsum_since',
  family: 'timeseries',
  title: 'Cumulative sum since the last event (e.g. rain since the last dry day)',
  parse(raw) {
    const value = raw.value;
    if (value !== undefined && typeof value !== 'number' && typeof value !== 'string') {
      throw new StepError('"value" must be a number or a text', 'value');
    }
    return {
      ...readSeriesOrder(raw),
      column: read.string(raw, 'column'),
      eventColumn: read.optionalString(raw, 'eventColumn'),
      op: read.oneOf(raw, 'op', OPS, '<='),
      value: value ?? (raw.op === undefined ? 0 : undefined),
      as: read.optionalString(raw, 'as'),
    };
  },
  compile(p, input, ctx) {
    checkSeriesOrder(input.schema, p);
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    if (p.eventColumn) requireColumn(input.schema, p.eventColumn, 'eventColumn');
    const segment = ident('__hydroml_segment');
    const name = outputName(input.schema, p.as ?? `${p.column}_since_event`);
    const marked = selectReplacing(input, new Map(), [
      [
        '__hydroml_segment',
        `sum(CASE WHEN ${eventSql(p, ctx)} THEN 1 ELSE 0 END) OVER (${windowOf(p)} ROWS UNBOUNDED PRECEDING)`,
      ],
    ]);
    const over = `${windowOf(p, [segment])} ROWS UNBOUNDED PRECEDING`;
    const keep = [...input.schema.map((s) => ident(s.name)), RID];
    return `SELECT ${keep.join(', ')}, sum(${ident(p.column)}) OVER (${over}) AS ${ident(name)} FROM (${marked})`;
  },
});
