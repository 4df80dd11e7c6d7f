import {
  col,
  requireColumn,
  type ExpectationDefinition,
  type MapPlan,
  type PlanContext,
} from './expectation-plan.js';
import type { Kwargs } from './expectation-kwargs.js';

const TYPE_ALIASES: Record<string, string[]> = {
  integer: ['integer', 'int', 'int64', 'int32', 'bigint', 'smallint', 'tinyint', 'hugeint'],
  float: ['float', 'float64', 'float32', 'double', 'real', 'decimal', 'numeric'],
  boolean: ['boolean', 'bool'],
  date: ['date'],
  timestamp: ['timestamp', 'datetime', 'datetime64', 'datetime64[ns]', 'timestamp with time zone'],
  string: ['string', 'str', 'varchar', 'text', 'object'],
};

function typeMatches(ctx: PlanContext, column: string, wanted: string): boolean {
  const c = requireColumn(ctx, column);
  const w = wanted.toLowerCase();
  return (
    w === c.type || w === c.sourceType.toLowerCase() || (TYPE_ALIASES[c.type] ?? []).includes(w)
  );
}

/** Rows of several columns (all present), e.g. compound keys and A > B. */
function rows(k: Kwargs, ctx: PlanContext, names: string[], unexpected: string): MapPlan {
  const xs = names.map((n) => col(requireColumn(ctx, n)));
  const all = xs.map((x) => `${x} IS NOT NULL`).join(' AND ');
  return {
    ...{ kind: 'map', domain: all, unexpected: `${all} AND ${unexpected}`, mostly: k.mostly() },
    ...{ valueColumn: null, missing: `NOT (${all})` },
  };
}

export const TABLE_EXPECTATIONS: ExpectationDefinition[] = [
  {
    type: 'expect_table_column_count_to_equal',
    plan: (k, ctx) => ({
      kind: 'schema',
      observed: ctx.schema.length,
      success: ctx.schema.length === k.number('value'),
    }),
  },
  {
    type: 'expect_table_columns_to_match_set',
    plan: (k, ctx) => {
      const names = ctx.schema.map((c) => c.name);
      const wanted = k.columns('column_set');
      const exact = k.bool('exact_match') || k.optionalScalar('exact_match') === undefined;
      const contains = wanted.every((w) => names.includes(w));
      const success = exact ? contains && names.every((n) => wanted.includes(n)) : contains;
      return { kind: 'schema', observed: names, success };
    },
  },
  {
    type: 'expect_table_columns_to_match_ordered_list',
    plan: (k, ctx) => {
      const names = ctx.schema.map((c) => c.name);
      const wanted = k.columns('column_list');
      const success = names.length === wanted.length && names.every((n, i) => n === wanted[i]);
      return { kind: 'schema', observed: names, success };
    },
  },
  {
    type: 'expect_column_to_exist',
    plan: (k, ctx) => ({
      kind: 'schema',
      observed: ctx.schema.some((c) => c.name === k.column()),
      success: ctx.schema.some((c) => c.name === k.column()),
    }),
  },
  {
    type: 'expect_column_values_to_be_of_type',
    plan: (k, ctx) => ({
      kind: 'schema',
      observed: requireColumn(ctx, k.column()).sourceType,
      success: typeMatches(ctx, k.column(), k.text('type_')),
    }),
  },
  {
    type: 'expect_column_values_to_be_in_type_list',
    plan: (k, ctx) => ({
      kind: 'schema',
      observed: requireColumn(ctx, k.column()).sourceType,
      success: k.values('type_list').some((t) => typeMatches(ctx, k.column(), String(t))),
    }),
  },
  {
    type: 'expect_compound_columns_to_be_unique',
    plan: (k, ctx) => {
      const names = k.columns('column_list');
      const n = ctx.window(
        `count(*) OVER (PARTITION BY ${names.map((c) => col(requireColumn(ctx, c))).join(', ')})`,
      );
      return rows(k, ctx, names, `${n} > 1`);
    },
  },
  {
    type: 'expect_column_pair_values_a_to_be_greater_than_b',
    plan: (k, ctx) => {
      const a = k.column('column_A');
      const b = k.column('column_B');
      const op = k.bool('or_equal') ? '>=' : '>';
      const test = `NOT (${col(requireColumn(ctx, a))} ${op} ${col(requireColumn(ctx, b))})`;
      return rows(k, ctx, [a, b], test);
    },
  },
  {
    type: 'expect_multicolumn_sum_to_equal',
    plan: (k, ctx) => {
      const names = k.columns('column_list');
      const sum = names.map((c) => `${col(requireColumn(ctx, c))}::DOUBLE`).join(' + ');
      return rows(k, ctx, names, `abs((${sum}) - ${ctx.bind(k.number('sum_total'))}) > 1e-9`);
    },
  },
];
