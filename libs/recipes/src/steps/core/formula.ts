import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { selectReplacing } from '../../core/sql.js';
import { FormulaCompiler } from '../../formula/compile-formula.js';
import { parseFormula } from '../../formula/parser.js';
import { checkName } from './shared.js';

interface FormulaParams {
  expression: string;
  as: string;
}

/**
 * A column computed from an expression (`if([Flow Rate] > 100, 'high', 'low')`, `Temperature * 1.8
 * + 32`, `wateryear(Date)`): parsed to a tree when the step is added (syntax errors name the
 * position), compiled to SQL with bound literals and schema-checked columns. An existing `as`
 * column is replaced in place; a new one is appended.
 */
const formula = defineStep<FormulaParams>({
  op: 'formula.column',
  family: 'formula',
  title: 'Column from a formula',
  parse(raw) {
    const expression = read.string(raw, 'expression');
    parseFormula(expression); // syntax errors (with their position) as soon as the step is read
    return { expression, as: checkName(read.string(raw, 'as'), 'as') };
  },
  compile(p, input, ctx) {
    const compiled = new FormulaCompiler(input.schema, (v) => ctx.bind(v)).compile(
      parseFormula(p.expression),
    );
    const exists = input.schema.some((c) => c.name === p.as);
    return exists
      ? selectReplacing(input, new Map([[p.as, compiled.sql]]))
      : selectReplacing(input, new Map(), [[p.as, compiled.sql]]);
  },
});

export const FORMULA_STEPS = [formula];
