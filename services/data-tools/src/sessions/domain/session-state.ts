import { DomainError, type ColumnSchema, type RecipeStepView } from '@hydroml/contracts';

/**
 * A session's recipe: every step (the redo tail too), the head (number of applied steps) and the
 * schemas known after each step (`schemas[0]` is the base; a cache, truncated at any change).
 */
export interface SessionState {
  steps: RecipeStepView[];
  head: number;
  schemas: ColumnSchema[][];
}

/** What a change needs compiled before it is accepted: every step (edits) or the head only. */
export interface Transition {
  state: SessionState;
  validateAll: boolean;
  /** Learned steps from this index on fit again (the data they learned from changed). */
  refitFrom?: number;
}

function keepSchemas(state: SessionState, firstChanged: number): ColumnSchema[][] {
  return state.schemas.slice(0, firstChanged + 1);
}

function requireIndex(state: SessionState, index: number): void {
  if (index < 0 || index >= state.steps.length) {
    throw new DomainError(
      'invalid_argument',
      `there is no step ${index} (the recipe has ${state.steps.length} steps, numbered from 0)`,
    );
  }
}

/** A new step after the head; a redo tail is dropped. */
export function applyStep(state: SessionState, step: RecipeStepView): Transition {
  const steps = [...state.steps.slice(0, state.head), step];
  return {
    state: { steps, head: steps.length, schemas: keepSchemas(state, state.head) },
    validateAll: false,
  };
}

export function undo(state: SessionState): Transition {
  if (state.head === 0) throw new DomainError('failed_precondition', 'nothing to undo');
  return { state: { ...state, head: state.head - 1 }, validateAll: false };
}

export function redo(state: SessionState): Transition {
  if (state.head >= state.steps.length) {
    throw new DomainError('failed_precondition', 'nothing to redo');
  }
  return { state: { ...state, head: state.head + 1 }, validateAll: false };
}

/** Moves the head so that `index` steps are applied (0 = the base version). */
export function jump(state: SessionState, index: number): Transition {
  if (index < 0 || index > state.steps.length) {
    throw new DomainError(
      'invalid_argument',
      `the head can move to 0..${state.steps.length}, not ${index}`,
    );
  }
  return { state: { ...state, head: index }, validateAll: false };
}

/** New params for step `index`; every later step is validated again. */
export function editStep(
  state: SessionState,
  index: number,
  params: Record<string, unknown>,
): Transition {
  requireIndex(state, index);
  const steps = state.steps.map((s, i) => (i === index ? { op: s.op, params } : s));
  return {
    state: { ...state, steps, schemas: keepSchemas(state, index) },
    validateAll: true,
    refitFrom: index,
  };
}

/** Removes step `index`; the head keeps pointing after the same steps. */
export function deleteStep(state: SessionState, index: number): Transition {
  requireIndex(state, index);
  const steps = state.steps.filter((_, i) => i !== index);
  const head = index < state.head ? state.head - 1 : state.head;
  return {
    state: { steps, head, schemas: keepSchemas(state, index) },
    validateAll: true,
    refitFrom: index,
  };
}

/** Back to the base version with no steps. */
export function reset(state: SessionState): Transition {
  return { state: { steps: [], head: 0, schemas: keepSchemas(state, 0) }, validateAll: false };
}

/** A saved recipe replaces the steps (or is appended after the head). */
export function loadRecipe(
  state: SessionState,
  steps: RecipeStepView[],
  mode: 'replace' | 'append',
): Transition {
  const kept = mode === 'append' ? state.steps.slice(0, state.head) : [];
  const all = [...kept, ...steps];
  return {
    state: { steps: all, head: all.length, schemas: keepSchemas(state, kept.length) },
    validateAll: true,
  };
}
