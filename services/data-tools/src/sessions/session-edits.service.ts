import { Injectable } from '@nestjs/common';
import type {
  CallContext,
  RecipeStepView,
  SessionPreview,
  SessionStateView,
} from '@hydroml/contracts';
import type { Step } from '@hydroml/recipes';
import {
  applyStep,
  deleteStep,
  editStep,
  jump,
  loadRecipe,
  redo,
  reset,
  undo,
  type SessionState,
  type Transition,
} from './domain/session-state.js';
import type { SessionEntity } from './persistence/session.entity.js';
import { SessionsRepository } from './persistence/sessions.repository.js';
import { SessionCompiler } from './session-compiler.js';
import { SessionHeads } from './session-heads.js';
import { SessionsEnv } from './sessions-env.js';
import { toSessionView, toStateView } from './session-view.js';

/**
 * Every change of a session: the transition runs on the row locked for update, the steps it needs
 * are compiled (validated against the schemas before them; learned steps fitted once), and only a
 * valid recipe is saved. Answers the new state with the head's first rows.
 */
@Injectable()
export class SessionEdits {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly heads: SessionHeads,
    private readonly compiler: SessionCompiler,
    private readonly env: SessionsEnv,
  ) {}

  apply(call: CallContext, id: string, step: RecipeStepView, rows?: number) {
    return this.change(call, id, (s) => applyStep(s, step), rows);
  }

  edit(call: CallContext, id: string, index: number, params: Record<string, unknown>) {
    return this.change(call, id, (s) => editStep(s, index, params));
  }

  remove(call: CallContext, id: string, index: number) {
    return this.change(call, id, (s) => deleteStep(s, index));
  }

  undo(call: CallContext, id: string) {
    return this.change(call, id, undo);
  }

  redo(call: CallContext, id: string) {
    return this.change(call, id, redo);
  }

  reset(call: CallContext, id: string) {
    return this.change(call, id, reset);
  }

  jump(call: CallContext, id: string, index: number) {
    return this.change(call, id, (s) => jump(s, index));
  }

  loadRecipe(call: CallContext, id: string, steps: RecipeStepView[], mode: 'replace' | 'append') {
    return this.change(call, id, (s) => loadRecipe(s, steps, mode));
  }

  /** The session as it is, with its head's first rows. */
  async state(call: CallContext, id: string): Promise<SessionStateView> {
    const head = await this.heads.resolve(call, id);
    const rows = await this.compiler.preview(head.recipe, this.env.SESSION_PREVIEW_ROWS);
    const view = toSessionView(
      head.session,
      head.recipe.schema,
      this.sessions.expiresAt(head.session),
    );
    return toStateView(view, { columns: head.recipe.schema, rows });
  }

  private async change(
    call: CallContext,
    id: string,
    transition: (state: SessionState) => Transition,
    previewRows = this.env.SESSION_PREVIEW_ROWS,
  ): Promise<SessionStateView> {
    // Access first: another tenant's session, or another user's, answers not_found before any
    // lock is taken.
    const base = await this.heads.baseForChange(call, await this.sessions.get(id));
    let preview: SessionPreview = { columns: [], rows: [] };
    const saved = await this.sessions.update(id, async (current) => {
      const { state, validateAll, refitFrom } = transition(stateOf(current));
      const upTo = validateAll ? state.steps.length : state.head;
      const wanted = state.steps.slice(0, upTo);
      // Every step is checked on the data again (a join's size): stored params are not trusted.
      const all = await this.compiler.compile(call, base, wanted, {
        knownSchemas: state.schemas,
        refitFrom,
      });
      const steps: Step[] = [...all.recipe.steps, ...state.steps.slice(upTo)];
      const schemas = mergeSchemas(state.schemas, all.recipe.schemas);
      const head =
        upTo === state.head
          ? all.recipe
          : (
              await this.compiler.compile(call, base, steps.slice(0, state.head), {
                knownSchemas: schemas,
                checked: true,
              })
            ).recipe;
      // Rows in the same transaction: a step that fails on the data is not kept.
      preview = { columns: head.schema, rows: await this.compiler.preview(head, previewRows) };
      return { ...current, steps, head: state.head, schemas };
    });
    const view = toSessionView(saved, preview.columns, this.sessions.expiresAt(saved));
    return toStateView(view, preview);
  }
}

function stateOf(entity: SessionEntity): SessionState {
  return { steps: entity.steps, head: entity.head, schemas: entity.schemas };
}

/** The longer of the known schemas (a compile only covers the steps it was given). */
function mergeSchemas(kept: SessionState['schemas'], compiled: SessionState['schemas']) {
  return compiled.length >= kept.length ? compiled : [...compiled, ...kept.slice(compiled.length)];
}
