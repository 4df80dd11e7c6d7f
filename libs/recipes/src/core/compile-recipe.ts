import { DomainError, type ColumnSchema, type VersionParent } from '@hydroml/contracts';
import { appendSelect, type AppendRun } from './append-merge.js';
import type { StepRegistry } from './registry.js';
import { ident, withoutNaN } from './sql.js';
import { StepError } from './step-error.js';
import {
  DEFAULT_RECIPE_LIMITS,
  ROW_ID,
  type CompileContext,
  type FitContext,
  type RecipeLimits,
  type SqlValue,
  type Step,
} from './types.js';

/** What the recipe compiler needs from a SQL engine (DuckDB in data-tools and experiments). */
export interface RecipeEngine {
  /** Output columns of `sql` without reading data; includes {@link ROW_ID}. */
  describe(sql: string, binds: readonly SqlValue[]): Promise<ColumnSchema[]>;
  /** Rows of `sql` as JSON-safe values. */
  query(sql: string, binds: readonly SqlValue[]): Promise<Array<Record<string, unknown>>>;
}

/** A table expression and its schema: the base version, or a version a fusion step reads. */
export interface SourceRelation {
  /** A SELECT (or table expression) whose result carries {@link ROW_ID}. */
  sql: string;
  schema: ColumnSchema[];
}

export interface CompileRecipeInput {
  registry: StepRegistry;
  engine: RecipeEngine;
  base: SourceRelation;
  steps: readonly Step[];
  /** Versions that steps reference, keyed by {@link versionKey}; resolved and access-checked. */
  sources?: ReadonlyMap<string, SourceRelation>;
  /** Re-run `fit` even where the params carry fitted values. */
  refit?: boolean;
  /** Re-run `fit` for the steps from this 0-based index on (an upstream step was edited). */
  refitFrom?: number;
  /** Schemas already known after each step (skips DESCRIBE for those). */
  knownSchemas?: ReadonlyArray<ColumnSchema[] | undefined>;
  /** Server-side bounds (e.g. the join size ceiling); {@link DEFAULT_RECIPE_LIMITS} when absent. */
  limits?: RecipeLimits;
  /**
   * The steps were checked against this same data by this server already (a stored session head
   * read again): skip the steps' `check`s. Never set it for steps that came from a user.
   */
  checked?: boolean;
}

export interface CompiledRecipe {
  /** `WITH "__step_0" AS (…), …` covering the base and every step. */
  withClause: string;
  /** CTE name of the last step (the head). */
  head: string;
  /** Placeholder values for `$1…$n` used in `withClause`. */
  binds: SqlValue[];
  /** Steps with their params as parsed and fitted (store these). */
  steps: Step[];
  /** Schema after each step; `schemas[0]` is the base (never lists ROW_ID). */
  schemas: ColumnSchema[][];
  /** The head's schema. */
  schema: ColumnSchema[];
}

export function versionKey(ref: VersionParent): string {
  return `${ref.dataSourceId}@${ref.version}`;
}

/** `SELECT` of the head without the hidden row id, for previews and materialisation. */
export function selectHead(recipe: CompiledRecipe, tail = ''): string {
  return `${recipe.withClause} SELECT * EXCLUDE (${ident(ROW_ID)}) FROM ${ident(recipe.head)} ${tail}`.trim();
}

/**
 * The base relation of a Parquet version: its columns plus the file row number as {@link ROW_ID}.
 * `pathLiteral` is a SQL string literal of a path we own (never user input).
 */
export function parquetSource(pathLiteral: string): string {
  return `SELECT * EXCLUDE (file_row_number), file_row_number AS ${ident(ROW_ID)} FROM read_parquet(${pathLiteral}, file_row_number = true)`;
}

/** Step index `i` failed: prefix the message so the user knows which step. */
function atStep(index: number, step: Step, error: unknown): never {
  if (error instanceof StepError) {
    const details = { ...error.details, step: index };
    throw Object.assign(new StepError(`step ${index + 1} (${step.op}): ${error.message}`), {
      details,
    });
  }
  if (isEngineError(error)) {
    // The engine refused the compiled SQL (a type mismatch a step could not foresee): the user's
    // to fix, so name the step and keep the engine's first line.
    const line = error.message.split('\n').find((l) => l.trim() !== '') ?? error.message;
    throw Object.assign(new StepError(`step ${index + 1} (${step.op}): ${line.slice(0, 300)}`), {
      details: { step: index },
    });
  }
  throw error;
}

/** An error of the engine (not ours). Duck-typed: a native module's errors may come from another realm. */
function isEngineError(error: unknown): error is { message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    !(error instanceof DomainError)
  );
}

/** The chain as it grows: CTEs, binds and schemas so far. */
interface Chain {
  input: CompileRecipeInput;
  ctes: string[];
  binds: SqlValue[];
  schemas: ColumnSchema[][];
  steps: Step[];
  /** Set while the head was made by column-appending steps (see StepDefinition.append). */
  appendRun?: AppendRun;
}

function contextFor(input: CompileRecipeInput, target: SqlValue[]): CompileContext {
  const source = (ref: VersionParent): SourceRelation => {
    const found = input.sources?.get(versionKey(ref));
    if (!found)
      throw new StepError(`version ${ref.version} of ${ref.dataSourceId} is not available`);
    return found;
  };
  return {
    bind(value) {
      target.push(value);
      return `$${target.length}`;
    },
    versionSource: (ref) => `(${source(ref).sql})`,
    versionSchema: (ref) => source(ref).schema,
  };
}

/** Parses, fits (when needed), compiles and describes step `index`, appending it to `chain`. */
async function addStep(chain: Chain, index: number, step: Step): Promise<void> {
  const { input, ctes, binds } = chain;
  const relation = { name: `__step_${index}`, schema: chain.schemas[index] };
  const definition = input.registry.get(step.op);
  let params = definition.parse(step.params ?? {});
  const refit = input.refit === true || (input.refitFrom !== undefined && index >= input.refitFrom);
  const fitContext = (extra: string[] = []): FitContext => {
    const scratch = [...binds];
    return {
      ...contextFor(input, scratch),
      query: (sql) => input.engine.query(`WITH ${[...ctes, ...extra].join(', ')} ${sql}`, scratch),
      limits: input.limits ?? DEFAULT_RECIPE_LIMITS,
    };
  };
  if (definition.fit && (refit || !definition.isFitted?.(params))) {
    // Fits learn from the input with NaN read as NULL (missing, as in pandas).
    const fitInput = { name: `__fit_${index}`, schema: relation.schema };
    const view = `${ident(fitInput.name)} AS (${withoutNaN(relation.name, relation.schema)})`;
    params = await definition.fit(params, fitInput, fitContext([view]));
  }
  if (definition.check && input.checked !== true) {
    params = await definition.check(params, relation, fitContext());
  }
  const name = `__step_${index + 1}`;
  const ctx = contextFor(input, binds);
  const appended = definition.append
    ? appendSelect(chain.appendRun, definition.append(params, relation, ctx), relation)
    : undefined;
  chain.appendRun = appended?.run;
  ctes.push(`${ident(name)} AS (${appended?.sql ?? definition.compile(params, relation, ctx)})`);
  const schema =
    input.knownSchemas?.[index + 1] ??
    stripRowId(
      await input.engine.describe(`WITH ${ctes.join(', ')} SELECT * FROM ${ident(name)}`, binds),
      index,
      step,
    );
  chain.schemas.push(schema);
  chain.steps.push({ op: step.op, params: params as Record<string, unknown> });
}

/**
 * Compiles `steps` over `base` into one chain of CTEs: parse and validate each step against the
 * schema before it, fit learned steps once, DESCRIBE to learn the next schema. Throws a StepError
 * naming the step (1-based), the field and the column at the first invalid step.
 */
export async function compileRecipe(input: CompileRecipeInput): Promise<CompiledRecipe> {
  const chain: Chain = {
    input,
    ctes: [`${ident('__step_0')} AS (${input.base.sql})`],
    binds: [],
    schemas: [input.base.schema],
    steps: [],
  };
  for (const [index, step] of input.steps.entries()) {
    try {
      await addStep(chain, index, step);
    } catch (error) {
      atStep(index, step, error);
    }
  }
  return {
    withClause: `WITH ${chain.ctes.join(', ')}`,
    head: `__step_${input.steps.length}`,
    binds: chain.binds,
    steps: chain.steps,
    schemas: chain.schemas,
    schema: chain.schemas[chain.schemas.length - 1],
  };
}

function stripRowId(schema: ColumnSchema[], index: number, step: Step): ColumnSchema[] {
  if (!schema.some((c) => c.name === ROW_ID)) {
    throw new Error(`step ${index + 1} (${step.op}) dropped the row id column`);
  }
  return schema.filter((c) => c.name !== ROW_ID);
}
