import type { ColumnSchema, RecipeStepView } from '@hydroml/contracts';
import { formulaColumns } from '@hydroml/recipes';

/** Every text value and object key in a step's params (column names hide in both). */
function namesIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => namesIn(v, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      namesIn(inner, into);
    }
  }
}

/**
 * The base columns a recipe reads: base column names mentioned anywhere in its params (and the
 * columns its formulas use). What an exported recipe asks of the version it is applied to.
 */
export function recipeInputColumns(
  steps: readonly RecipeStepView[],
  base: readonly ColumnSchema[],
): ColumnSchema[] {
  const names = new Set<string>();
  for (const step of steps) {
    namesIn(step.params, names);
    const expression = step.params.expression;
    if (step.op === 'formula.column' && typeof expression === 'string') {
      formulaColumns(expression).forEach((n) => names.add(n));
    }
  }
  return base.filter((c) => names.has(c.name));
}
