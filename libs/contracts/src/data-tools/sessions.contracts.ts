import { contract } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import {
  ApplyRecipeDto,
  ApplyStepDto,
  EditStepDto,
  JumpDto,
  ListSessionsDto,
  OpenSessionDto,
  SaveSessionDto,
  SessionColumnValuesDto,
  SessionRefDto,
  SessionRowsDto,
  StepRefDto,
} from './sessions.dto.js';
import type { ColumnValues } from './grid.views.js';
import type { RecipeExport, SessionRows, SessionStateView, SessionView } from './sessions.views.js';

/** Studio sessions (data-tools): a recipe over a version, edited step by step. */
export const SessionsContracts = {
  open: contract<OpenSessionDto, SessionStateView>('data-tools.sessions.open', OpenSessionDto),
  list: contract<ListSessionsDto, SessionView[]>('data-tools.sessions.list', ListSessionsDto),
  get: contract<SessionRefDto, SessionStateView>('data-tools.sessions.get', SessionRefDto),
  remove: contract<SessionRefDto, { ok: true }>('data-tools.sessions.delete', SessionRefDto),
  rows: contract<SessionRowsDto, SessionRows>('data-tools.sessions.rows', SessionRowsDto),
  columnValues: contract<SessionColumnValuesDto, ColumnValues>(
    'data-tools.sessions.column-values',
    SessionColumnValuesDto,
  ),
  applyStep: contract<ApplyStepDto, SessionStateView>(
    'data-tools.sessions.apply-step',
    ApplyStepDto,
  ),
  editStep: contract<EditStepDto, SessionStateView>('data-tools.sessions.edit-step', EditStepDto),
  deleteStep: contract<StepRefDto, SessionStateView>('data-tools.sessions.delete-step', StepRefDto),
  undo: contract<SessionRefDto, SessionStateView>('data-tools.sessions.undo', SessionRefDto),
  redo: contract<SessionRefDto, SessionStateView>('data-tools.sessions.redo', SessionRefDto),
  reset: contract<SessionRefDto, SessionStateView>('data-tools.sessions.reset', SessionRefDto),
  jump: contract<JumpDto, SessionStateView>('data-tools.sessions.jump', JumpDto),
  save: contract<SaveSessionDto, JobView>('data-tools.sessions.save', SaveSessionDto),
  exportRecipe: contract<SessionRefDto, RecipeExport>('data-tools.sessions.recipe', SessionRefDto),
  applyRecipe: contract<ApplyRecipeDto, SessionStateView>(
    'data-tools.sessions.apply-recipe',
    ApplyRecipeDto,
  ),
} as const;
