import { ROW_ID } from '@hydroml/recipes';
import { sqlIdent } from '../../engine/duck-engine.js';
import type { Kwargs } from './expectation-kwargs.js';
import {
  asNumber,
  betweenTest,
  col,
  requireColumn,
  type ExpectationDefinition,
  type MapPlan,
  type PlanContext,
} from './expectation-plan.js';

/** A map plan over one column's present values. */
function present(ctx: PlanContext, k: Kwargs, unexpected: (x: string) => string): MapPlan {
  const c = requireColumn(ctx, k.column());
  const x = col(c);
  return {
    ...{
      kind: 'map',
      domain: `${x} IS NOT NULL`,
      unexpected: `${x} IS NOT NULL AND ${unexpected(x)}`,
    },
    ...{ mostly: k.mostly(), valueColumn: c.name, missing: `${x} IS NULL` },
  };
}

function bounds(k: Kwargs, ctx: PlanContext, column: string, cast?: string) {
  const c = requireColumn(ctx, column);
  const bind = (v: string | number | boolean | undefined) =>
    v === undefined ? undefined : cast ? `${ctx.bind(v)}::${cast}` : ctx.bind(v, c);
  return {
    min: bind(k.optionalScalar('min_value')),
    max: bind(k.optionalScalar('max_value')),
    strictMin: k.bool('strict_min'),
    strictMax: k.bool('strict_max'),
  };
}

function nullCheck(type: string, wantNull: boolean): ExpectationDefinition {
  return {
    type,
    plan: (k, ctx) => {
      const x = col(requireColumn(ctx, k.column()));
      return {
        ...{
          kind: 'map',
          domain: 'true',
          unexpected: wantNull ? `${x} IS NOT NULL` : `${x} IS NULL`,
        },
        ...{ mostly: k.mostly(), valueColumn: k.column(), missing: 'false' },
      };
    },
  };
}

function setCheck(type: string, inSet: boolean): ExpectationDefinition {
  return {
    type,
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const values = k.values('value_set').map((v) => ctx.bind(v, c));
      const list = values.length ? `${col(c)} IN (${values.join(', ')})` : 'false';
      return present(ctx, k, () => (inSet ? `NOT (${list})` : list));
    },
  };
}

function regexCheck(type: string, match: boolean): ExpectationDefinition {
  return {
    type,
    plan: (k, ctx) => {
      const pattern = ctx.bind(k.text('regex'));
      return present(
        ctx,
        k,
        (x) => `${match ? 'NOT ' : ''}regexp_matches(${x}::VARCHAR, ${pattern})`,
      );
    },
  };
}

/** In file order: a value below (or, strictly, not above) the previous present value. */
function orderCheck(type: string, increasing: boolean): ExpectationDefinition {
  return {
    type,
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const prev = ctx.window(`lag(${col(c)} IGNORE NULLS) OVER (ORDER BY ${sqlIdent(ROW_ID)})`);
      const strictly = k.bool('strictly');
      const bad = increasing ? (strictly ? '<=' : '<') : strictly ? '>=' : '>';
      return present(ctx, k, (x) => `${prev} IS NOT NULL AND ${x} ${bad} ${prev}`);
    },
  };
}

export const MAP_EXPECTATIONS: ExpectationDefinition[] = [
  nullCheck('expect_column_values_to_not_be_null', false),
  nullCheck('expect_column_values_to_be_null', true),
  {
    type: 'expect_column_values_to_be_between',
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const numericBounds = ['min_value', 'max_value'].some(
        (f) => typeof k.optionalScalar(f) === 'number',
      );
      if (!numericBounds || c.type === 'integer' || c.type === 'float') {
        return present(ctx, k, (x) => `NOT ${betweenTest(x, bounds(k, ctx, k.column()))}`);
      }
      // Numbers stored as text: a value that is not a number is unexpected too.
      return present(ctx, k, (x) => {
        const n = asNumber(c, x);
        return `(${n} IS NULL OR NOT ${betweenTest(n, bounds(k, ctx, k.column(), 'DOUBLE'))})`;
      });
    },
  },
  setCheck('expect_column_values_to_be_in_set', true),
  setCheck('expect_column_values_to_not_be_in_set', false),
  regexCheck('expect_column_values_to_match_regex', true),
  regexCheck('expect_column_values_to_not_match_regex', false),
  {
    type: 'expect_column_value_lengths_to_be_between',
    plan: (k, ctx) =>
      present(
        ctx,
        k,
        (x) => `NOT ${betweenTest(`length(${x}::VARCHAR)`, bounds(k, ctx, k.column(), 'BIGINT'))}`,
      ),
  },
  {
    type: 'expect_column_values_to_be_unique',
    plan: (k, ctx) => {
      const c = requireColumn(ctx, k.column());
      const n = ctx.window(`count(*) OVER (PARTITION BY ${col(c)})`);
      return present(ctx, k, () => `${n} > 1`);
    },
  },
  orderCheck('expect_column_values_to_be_increasing', true),
  orderCheck('expect_column_values_to_be_decreasing', false),
];
