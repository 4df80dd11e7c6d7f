import type { Kwargs } from './expectation-kwargs.js';
import {
  asNumber,
  betweenTest,
  col,
  requireColumn,
  safeType,
  type AggregatePlan,
  type ExpectationDefinition,
  type PlanContext,
} from './expectation-plan.js';

/** `observed` (an aggregate) between min_value and max_value; bounds typed like `cast`. */
function between(k: Kwargs, ctx: PlanContext, observed: string, cast?: string): AggregatePlan {
  const bind = (v: string | number | boolean | undefined) =>
    v === undefined ? undefined : cast ? `TRY_CAST(${ctx.bind(v)} AS ${cast})` : ctx.bind(v);
  const test = betweenTest(`(${observed})`, {
    min: bind(k.optionalScalar('min_value')),
    max: bind(k.optionalScalar('max_value')),
    strictMin: k.bool('strict_min'),
    strictMax: k.bool('strict_max'),
  });
  return { kind: 'aggregate', observed, success: `coalesce(${test}, false)` };
}

function columnAggregate(
  type: string,
  aggregate: (x: string) => string,
  typed = false,
): ExpectationDefinition {
  return {
    type,
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const numeric = c.type === 'integer' || c.type === 'float';
      const numericBounds = ['min_value', 'max_value'].some(
        (f) => typeof k.optionalScalar(f) === 'number',
      );
      if (typed && !(numericBounds && c.type === 'string')) {
        return between(k, ctx, aggregate(col(c)), numeric ? 'DOUBLE' : safeType(c.sourceType));
      }
      return between(k, ctx, aggregate(asNumber(c)), 'DOUBLE');
    },
  };
}

function quantileValues(): ExpectationDefinition {
  return {
    type: 'expect_column_quantile_values_to_be_between',
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const ranges = k.quantileRanges();
      const quantiles = ranges.quantiles;
      const valueRanges = ranges.value_ranges;
      const observed = `quantile_cont(${asNumber(c)}, [${quantiles.map((q) => ctx.bind(q)).join(', ')}])`;
      const tests = valueRanges.map(([lo, hi], i) => {
        const v = `(${observed})[${i + 1}]`;
        const parts = [
          lo === null ? 'true' : `${v} >= ${ctx.bind(lo)}`,
          hi === null ? 'true' : `${v} <= ${ctx.bind(hi)}`,
        ];
        return `(${parts.join(' AND ')})`;
      });
      return { kind: 'aggregate', observed, success: `coalesce(${tests.join(' AND ')}, false)` };
    },
  };
}

export const AGGREGATE_EXPECTATIONS: ExpectationDefinition[] = [
  columnAggregate('expect_column_mean_to_be_between', (x) => `avg(${x})`),
  columnAggregate('expect_column_median_to_be_between', (x) => `quantile_cont(${x}, 0.5)`),
  columnAggregate('expect_column_min_to_be_between', (x) => `min(${x})`, true),
  columnAggregate('expect_column_max_to_be_between', (x) => `max(${x})`, true),
  columnAggregate('expect_column_stdev_to_be_between', (x) => `stddev_samp(${x})`),
  columnAggregate('expect_column_sum_to_be_between', (x) => `sum(${x})`),
  quantileValues(),
  {
    type: 'expect_column_unique_value_count_to_be_between',
    plan: (k, ctx) =>
      between(k, ctx, `count(DISTINCT ${col(requireColumn(ctx, k.column()))})::DOUBLE`, 'DOUBLE'),
  },
  {
    type: 'expect_column_proportion_of_unique_values_to_be_between',
    plan: (k, ctx) => {
      const x = col(requireColumn(ctx, k.column()));
      return between(k, ctx, `count(DISTINCT ${x}) / nullif(count(${x}), 0)::DOUBLE`, 'DOUBLE');
    },
  },
  {
    type: 'expect_table_row_count_to_be_between',
    plan: (k, ctx) => between(k, ctx, 'count(*)::DOUBLE', 'DOUBLE'),
  },
  {
    type: 'expect_table_row_count_to_equal',
    plan: (k, ctx) => ({
      kind: 'aggregate',
      observed: 'count(*)::DOUBLE',
      success: `count(*) = ${ctx.bind(k.number('value'))}`,
    }),
  },
];
