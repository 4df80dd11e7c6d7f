import type { ColumnSchema, VersionParent } from '@hydroml/contracts';

/** A value DuckDB can bind to a `$n` placeholder. */
export type SqlValue = string | number | boolean | bigint | null;

/** One step of a recipe as stored and sent over the wire. */
export interface Step {
  op: string;
  params: Record<string, unknown>;
}

export const STEP_FAMILIES = [
  'columns',
  'rows',
  'missing',
  'text',
  'dates',
  'formula',
  'learned',
  'math',
  'timeseries',
  'reshape',
  'fusion',
  'selection',
] as const;
export type StepFamily = (typeof STEP_FAMILIES)[number];

/**
 * The relation a step reads: a CTE name and its schema. The schema never lists the hidden row-order
 * column {@link ROW_ID}, which every relation nevertheless carries (see there).
 */
export interface Relation {
  name: string;
  schema: ColumnSchema[];
}

/** What compilation may ask for. Placeholders are numbered across the whole recipe. */
export interface CompileContext {
  /** Binds a value and returns its placeholder (`$3`). Values never go into SQL text. */
  bind(value: SqlValue): string;
  /**
   * The table expression of another version (fusion steps), e.g. `read_parquet('…')`. Resolved (and
   * access-checked) before compilation from the refs the step declares; unknown refs throw.
   */
  versionSource(ref: VersionParent): string;
  /** Schema of another version the step declared in `refs`. */
  versionSchema(ref: VersionParent): ColumnSchema[];
}

/** Server-side bounds a step may not exceed, whatever its params say (set by configuration). */
export interface RecipeLimits {
  /** Largest estimated output of a join; a join's own `maxRows` can only lower it. */
  joinMaxRows: number;
  /** Most rows a resample filling its empty periods may write (one per period per group). */
  resampleMaxRows: number;
}

/** Used when the caller sets no limits. */
export const DEFAULT_RECIPE_LIMITS: RecipeLimits = {
  joinMaxRows: 50_000_000,
  resampleMaxRows: 50_000_000,
};

/** A service's settings of the limits (JOIN_MAX_ROWS, RESAMPLE_MAX_ROWS). */
export interface RecipeLimitSettings {
  JOIN_MAX_ROWS: number;
  RESAMPLE_MAX_ROWS: number;
}

/** The limits a service's settings give, each lowered to `cap` when given. */
export function recipeLimits(settings: RecipeLimitSettings, cap = Infinity): RecipeLimits {
  return {
    joinMaxRows: Math.min(settings.JOIN_MAX_ROWS, cap),
    resampleMaxRows: Math.min(settings.RESAMPLE_MAX_ROWS, cap),
  };
}

/** What fitting may ask for: a query over the step's input relation. */
export interface FitContext extends CompileContext {
  /** Runs `sql` (which may reference `input.name`) and returns its rows as JSON-safe values. */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  limits: RecipeLimits;
}

/** Columns a step appends to its input: expressions over the input (window functions allowed). */
export interface AppendedColumns {
  columns: Array<[name: string, expression: string]>;
  /** Input columns the expressions read. */
  reads: string[];
}

/**
 * One kind of step. `parse` checks the raw params (throws {@link StepError} naming the field);
 * `compile` returns a SELECT over `input.name` and throws {@link StepError} naming a missing column or
 * a column of the wrong type. The output schema is not computed by hand: the engine DESCRIBEs the
 * compiled SQL.
 *
 * Steps that learn from data implement `fit`: it runs once when the step is added (or edited) and
 * returns params with the fitted values filled in; `compile` then only reads those values, so the
 * recipe applies the same numbers to new data (no leakage). `fit` is skipped when the params already
 * carry fitted values, unless the caller asks to refit.
 */
export interface StepDefinition<P = unknown> {
  op: string;
  family: StepFamily;
  /** One line for the UI's step catalogue. */
  title: string;
  parse(raw: Record<string, unknown>): P;
  isFitted?(params: P): boolean;
  fit?(params: P, input: Relation, ctx: FitContext): Promise<P>;
  /**
   * A check against the data the step runs on (a join's estimated size): unlike `fit`, it runs on
   * every compile, whatever the params carry, unless the caller says these steps were checked on
   * this same data already (`CompileRecipeInput.checked`). Returns the params with what it measured.
   */
  check?(params: P, input: Relation, ctx: FitContext): Promise<P>;
  compile(params: P, input: Relation, ctx: CompileContext): string;
  /**
   * Steps that only append columns (lags, rolling windows, encodings) may describe them here; the
   * compiler then uses this instead of `compile` and merges a run of such steps into one SELECT
   * (one window pass over the data instead of one per step) while no step reads a column added
   * earlier in the run. The result must equal `compile`'s.
   */
  append?(params: P, input: Relation, ctx: CompileContext): AppendedColumns;
  /** Other versions the step reads (joins, unions). */
  refs?(params: P): VersionParent[];
}

/**
 * Every relation carries this BIGINT column: the original row order (the file's row number for the
 * base version). Steps keep it unchanged when rows keep their identity (filters, new columns) and
 * assign a fresh `row_number()` when they make new rows (group-by, resample, pivot, joins, unions).
 * Order-dependent steps (fill forward, sample, deduplicate keeping first) order by it; grid paging
 * uses it as the tie-breaker. It is dropped from every result shown or saved.
 */
export const ROW_ID = '__hydroml_rid';
