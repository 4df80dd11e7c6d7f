import type { ColumnSchema, RecipeStepView, VersionParent } from './datasets.views.js';

/** A studio session: a recipe over a base version and a head (steps[0..head) are applied). */
export interface SessionView {
  id: string;
  dataSourceId: string;
  version: number;
  /** Every step, including the redo tail past the head. */
  steps: RecipeStepView[];
  /** Number of applied steps (0 = the base version). */
  head: number;
  /** Schema at the head. */
  schema: ColumnSchema[];
  /** Increases with every change (optimistic clients may compare). */
  revision: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** A session after a change, with the first rows of its head. */
export interface SessionStateView extends SessionView {
  preview: SessionPreview;
}

export interface SessionPreview {
  columns: ColumnSchema[];
  rows: Array<Record<string, unknown>>;
}

/** An exported recipe: replayable on another version whose columns are compatible. */
export interface RecipeExport {
  format: 'hydroml.recipe';
  formatVersion: 1;
  base: VersionParent;
  /** The columns the recipe reads from its base (names and types). */
  inputSchema: ColumnSchema[];
  steps: RecipeStepView[];
  outputSchema: ColumnSchema[];
}

/** Rows of a session head for the grid (AG Grid server-side row model). */
export interface SessionRows {
  rowData: Array<Record<string, unknown>>;
  rowCount: number;
}
