import type { VersionParent } from '@hydroml/contracts';
import { StepRegistry } from './core/registry.js';
import { CORE_STEPS } from './steps/core/index.js';
import { FEATURE_STEPS } from './steps/features/index.js';

export * from './core/types.js';
export * from './core/step-error.js';
export * from './core/sql.js';
export * from './core/params.js';
export * from './core/registry.js';
export * from './core/compile-recipe.js';
export * from './core/column-types.js';
export * from './duck/duck-recipe-engine.js';
export * from './duck/duck-engine.js';
export * from './grid/index.js';

/** Every step HydroML knows. */
export const STEPS = new StepRegistry([...CORE_STEPS, ...FEATURE_STEPS]);

/** The other versions `steps` read (joins, unions), in step order, repeats included. */
export function stepRefs(
  steps: ReadonlyArray<{ op: string; params?: Record<string, unknown> }>,
): VersionParent[] {
  return steps.flatMap((step) => {
    const definition = STEPS.get(step.op);
    return definition.refs?.(definition.parse(step.params ?? {})) ?? [];
  });
}
export {
  FormulaCompiler,
  FormulaError,
  formulaColumns,
  parseFormula,
  type FormulaNode,
} from './formula/index.js';
