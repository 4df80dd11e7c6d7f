import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import {
  ident,
  requireColumn,
  requireColumnOfType,
  valueOrNull,
  NUMERIC_TYPES,
} from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { appending, outputName, requireNumeric } from '../shared.js';

const AGGREGATES = ['sum', 'mean', 'min', 'max', 'product'] as const;

interface AggregateParams {
  columns: string[];
  fn: (typeof AGGREGATES)[number];
  as: string;
}

const LIST_FN: Record<AggregateParams['fn'], string> = {
  sum: 'list_sum',
  mean: 'list_avg',
  min: 'list_min',
  max: 'list_max',
  product: 'list_product',
};

/** Row-wise aggregate of several numeric columns (NULLs skipped; all NULL gives NULL). */
export const aggregateColumnsStep = defineStep<AggregateParams>({
  op: 'math.aggregate',
  family: 'math',
  title: 'Sum, mean, min, max or product across columns',
  parse: (raw) => ({
    columns: read.strings(raw, 'columns'),
    fn: read.oneOf(raw, 'fn', AGGREGATES),
    as: read.string(raw, 'as'),
  }),
  ...appending<AggregateParams>((p, input) => {
    requireNumeric(input.schema, p.columns);
    // NaN is skipped like NULL, as pandas' df[cols].sum(axis=1) does
    const values = p.columns.map((c) => `${valueOrNull(requireColumn(input.schema, c))}::DOUBLE`);
    const list = `[${values.join(', ')}]`;
    const expression = `CASE WHEN list_count(${list}) = 0 THEN NULL ELSE ${LIST_FN[p.fn]}(${list}) END`;
    return { columns: [[outputName(input.schema, p.as), expression]], reads: p.columns };
  }),
});

const RELATIONS = ['ratio', 'difference', 'product', 'sum', 'relative_change'] as const;

interface RelativeParams {
  column: string;
  /** Another column, or `value` (a constant reference). */
  reference?: string;
  value?: number;
  op: (typeof RELATIONS)[number];
  as: string;
}

/** a ÷ b, a − b, a × b, a + b or (a − b) ÷ b against a reference column or constant; ÷ 0 gives NULL. */
export const relativeStep = defineStep<RelativeParams>({
  op: 'math.relative',
  family: 'math',
  title: 'Relative feature: ratio, difference, product or change against a reference',
  parse(raw) {
    const reference = read.optionalString(raw, 'reference');
    const value = read.optionalNumber(raw, 'value');
    if ((reference === undefined) === (value === undefined)) {
      throw new StepError('give either "reference" (a column) or "value" (a number)', 'reference');
    }
    return {
      column: read.string(raw, 'column'),
      reference,
      value,
      op: read.oneOf(raw, 'op', RELATIONS, 'ratio'),
      as: read.string(raw, 'as'),
    };
  },
  ...appending<RelativeParams>((p, input, ctx) => {
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    if (p.reference) requireColumnOfType(input.schema, p.reference, NUMERIC_TYPES, 'reference');
    const a = `${ident(p.column)}::DOUBLE`;
    const b = p.reference
      ? `${ident(p.reference)}::DOUBLE`
      : `${ctx.bind(p.value ?? null)}::DOUBLE`;
    const expressions: Record<RelativeParams['op'], () => string> = {
      ratio: () => `${a} / nullif(${b}, 0)`,
      difference: () => `${a} - ${b}`,
      product: () => `${a} * ${b}`,
      sum: () => `${a} + ${b}`,
      relative_change: () => `(${a} - ${b}) / nullif(${b}, 0)`,
    };
    return {
      columns: [[outputName(input.schema, p.as), expressions[p.op]()]],
      reads: p.reference ? [p.column, p.reference] : [p.column],
    };
  }),
});
