import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, selectReplacing } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { CompileContext, Relation } from '../../../core/types.js';
import { readColumnList, requireNumeric } from '../shared.js';

/** A column-wise numeric step: each listed column replaced by `expression(column)`. */
function columnWise(
  input: Relation,
  columns: readonly string[],
  expression: (column: string) => string,
): string {
  requireNumeric(input.schema, columns);
  return selectReplacing(input, new Map(columns.map((c) => [c, expression(ident(c))])));
}

export const roundStep = defineStep<{ columns: string[]; decimals: number }>({
  op: 'math.round',
  family: 'math',
  title: 'Round to a number of decimals',
  parse: (raw) => ({
    columns: readColumnList(raw),
    decimals: read.optionalNumber(raw, 'decimals', -10, 15) ?? 0,
  }),
  compile: (p, input) =>
    // decimals is a validated integer, and round() needs a constant there
    columnWise(input, p.columns, (c) => `round(${c}, ${Math.trunc(p.decimals)})`),
});

interface ClipParams {
  columns: string[];
  lower?: number;
  upper?: number;
}

function clipSql(column: string, p: ClipParams, ctx: CompileContext): string {
  let value = column;
  if (p.lower !== undefined) value = `greatest(${value}, ${ctx.bind(p.lower)})`;
  if (p.upper !== undefined) value = `least(${value}, ${ctx.bind(p.upper)})`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE ${value} END`;
}

export const clipStep = defineStep<ClipParams>({
  op: 'math.clip',
  family: 'math',
  title: 'Clip values to a range',
  parse(raw) {
    const p = {
      columns: readColumnList(raw),
      lower: read.optionalNumber(raw, 'lower'),
      upper: read.optionalNumber(raw, 'upper'),
    };
    if (p.lower === undefined && p.upper === undefined) {
      throw new StepError('give "lower", "upper" or both', 'lower');
    }
    if (p.lower !== undefined && p.upper !== undefined && p.lower > p.upper) {
      throw new StepError('"lower" must not exceed "upper"', 'lower');
    }
    return p;
  },
  compile: (p, input, ctx) => columnWise(input, p.columns, (c) => clipSql(c, p, ctx)),
});

export const absStep = defineStep<{ columns: string[] }>({
  op: 'math.abs',
  family: 'math',
  title: 'Absolute value',
  parse: (raw) => ({ columns: readColumnList(raw) }),
  compile: (p, input) => columnWise(input, p.columns, (c) => `abs(${c})`),
});
