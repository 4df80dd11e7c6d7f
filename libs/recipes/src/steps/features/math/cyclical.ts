import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumnOfType, NUMERIC_TYPES, TEMPORAL_TYPES } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { appending, outputName } from '../shared.js';

const PERIODS = ['hour', 'weekday', 'month', 'day_of_year', 'value'] as const;

interface CyclicalParams {
  column: string;
  period: (typeof PERIODS)[number];
  /** period 'value': the column is already a position in a cycle of this length. */
  cycle?: number;
  /** Prefix of the two new columns (default `<column>_<period>`): `<prefix>_sin`, `<prefix>_cos`. */
  prefix?: string;
}

/** Position in the cycle as a fraction [0, 1). Monday is weekday 0; 1 January is day 0. */
function fractionSql(period: CyclicalParams['period'], c: string, cycle: string): string {
  switch (period) {
    case 'hour':
      return `(hour(${c}) + minute(${c}) / 60.0) / 24.0`;
    case 'weekday':
      return `(isodow(${c}) - 1) / 7.0`;
    case 'month':
      return `(month(${c}) - 1) / 12.0`;
    case 'day_of_year':
      return `(dayofyear(${c}) - 1) / (CASE WHEN (year(${c}) % 4 = 0 AND year(${c}) % 100 <> 0) OR year(${c}) % 400 = 0 THEN 366.0 ELSE 365.0 END)`;
    case 'value':
      return `${c}::DOUBLE / ${cycle}`;
  }
}

/** Cyclical encoding: sin and cos of 2π × the position in the hour/week/year cycle. */
export const cyclicalStep = defineStep<CyclicalParams>({
  op: 'math.cyclical',
  family: 'math',
  title: 'Cyclical sin/cos encoding of hour, weekday, month or day of year',
  parse(raw) {
    const period = read.oneOf(raw, 'period', PERIODS);
    const cycle = read.optionalNumber(raw, 'cycle', 1e-9);
    if (period === 'value' && cycle === undefined) {
      throw new StepError('period "value" needs "cycle" (the length of the cycle)', 'cycle');
    }
    return {
      column: read.string(raw, 'column'),
      period,
      cycle,
      prefix: read.optionalString(raw, 'prefix'),
    };
  },
  ...appending<CyclicalParams>((p, input, ctx) => {
    const types = p.period === 'value' ? NUMERIC_TYPES : TEMPORAL_TYPES;
    requireColumnOfType(input.schema, p.column, types);
    if (p.period === 'hour' && input.schema.find((c) => c.name === p.column)?.type === 'date') {
      throw new StepError(`column "${p.column}" is a date: it has no hour`, 'column');
    }
    const cycle = p.period === 'value' ? `${ctx.bind(p.cycle ?? 1)}::DOUBLE` : '';
    const angle = `(2 * pi() * ${fractionSql(p.period, ident(p.column), cycle)})`;
    const prefix = p.prefix ?? `${p.column}_${p.period}`;
    const taken = new Set<string>();
    const columns: Array<[string, string]> = [
      [outputName(input.schema, `${prefix}_sin`, 'prefix', taken), `sin(${angle})`],
      [outputName(input.schema, `${prefix}_cos`, 'prefix', taken), `cos(${angle})`],
    ];
    return { columns, reads: [p.column] };
  }),
});
