import type { StepDefinition, StepFamily } from './types.js';
import { StepError } from './step-error.js';

/** A step definition with its params type erased, as the registry holds it. */
export type AnyStepDefinition = StepDefinition<unknown>;

/** Erases a definition's params type so definitions of different steps fit one list. */
export function defineStep<P>(definition: StepDefinition<P>): AnyStepDefinition {
  return definition;
}

export interface StepCatalogueEntry {
  op: string;
  family: StepFamily;
  title: string;
  learns: boolean;
}

/** The steps a recipe may use, by op name. */
export class StepRegistry {
  private readonly byOp = new Map<string, AnyStepDefinition>();

  constructor(definitions: readonly AnyStepDefinition[]) {
    for (const definition of definitions) {
      if (this.byOp.has(definition.op)) throw new Error(`step ${definition.op} registered twice`);
      this.byOp.set(definition.op, definition);
    }
  }

  get(op: string): AnyStepDefinition {
    const definition = this.byOp.get(op);
    if (!definition) throw new StepError(`unknown step "${op}"`, 'op');
    return definition;
  }

  has(op: string): boolean {
    return this.byOp.has(op);
  }

  catalogue(): StepCatalogueEntry[] {
    return [...this.byOp.values()].map((d) => ({
      op: d.op,
      family: d.family,
      title: d.title,
      learns: d.fit !== undefined,
    }));
  }
}
