import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import {
  compileRecipe,
  selectHead,
  versionKey,
  type CompiledRecipe,
  type SourceRelation,
} from '../../../core/compile-recipe.js';
import { StepRegistry } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import { ROW_ID, type RecipeLimits, type Step } from '../../../core/types.js';
import { DuckRecipeEngine } from '../../../duck/duck-recipe-engine.js';
import { FEATURE_STEPS } from '../index.js';

type Cell = string | number | boolean | null;

/** A small table for step specs: column -> DuckDB type, rows of values; row i gets row id i. */
export interface Frame {
  columns: Record<string, string>;
  rows: ReadonlyArray<readonly Cell[]>;
}

function literal(value: Cell, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  const text = typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
  return `CAST(${text} AS ${type})`;
}

/** The frame as a SELECT with the hidden row id (test data, not user input). */
export function frameSql(frame: Frame): string {
  const names = [...Object.keys(frame.columns), ROW_ID].map(ident).join(', ');
  const types = Object.values(frame.columns);
  const rows = frame.rows.map(
    (row, r) => `(${[...row.map((v, i) => literal(v, types[i])), `${r}::BIGINT`].join(', ')})`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) t(${names})`;
}

export interface Outcome {
  recipe: CompiledRecipe;
  rows: Array<Record<string, unknown>>;
  columns: string[];
}

/** An in-memory DuckDB for a feature spec file. */
export class FeatureDuck {
  readonly registry = new StepRegistry(FEATURE_STEPS);
  private instance?: DuckDBInstance;
  private conn?: DuckDBConnection;

  async open(): Promise<void> {
    this.instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    this.conn = await this.instance.connect();
  }

  close(): void {
    this.conn?.closeSync();
    this.instance?.closeSync();
  }

  get engine(): DuckRecipeEngine {
    if (!this.conn) throw new Error('open() first');
    return new DuckRecipeEngine(this.conn);
  }

  async relation(frame: Frame): Promise<SourceRelation> {
    const sql = frameSql(frame);
    const schema: ColumnSchema[] = (await this.engine.describe(sql, [])).filter(
      (c) => c.name !== ROW_ID,
    );
    return { sql, schema };
  }

  /** Compiles (fitting where needed) and returns the head rows ordered by row id. */
  async run(
    frame: Frame,
    steps: readonly Step[],
    others: Record<string, Frame> = {},
    options: { limits?: RecipeLimits } = {},
  ): Promise<Outcome> {
    const sources = new Map<string, SourceRelation>();
    for (const [id, f] of Object.entries(others)) {
      sources.set(versionKey({ dataSourceId: id, version: 1 }), await this.relation(f));
    }
    const recipe = await compileRecipe({
      registry: this.registry,
      engine: this.engine,
      base: await this.relation(frame),
      steps,
      sources,
      ...options,
    });
    // the stored (parsed and fitted) steps must replay to the same SQL: sessions store them
    const replay = await compileRecipe({
      registry: this.registry,
      engine: this.engine,
      base: await this.relation(frame),
      steps: recipe.steps,
      sources,
      ...options,
    });
    if (replay.withClause !== recipe.withClause) {
      throw new Error(`stored steps do not replay: ${JSON.stringify(recipe.steps)}`);
    }
    const rows = await this.engine.query(
      selectHead(recipe, `ORDER BY ${ident(ROW_ID)}`),
      recipe.binds,
    );
    return { recipe, rows, columns: recipe.schema.map((c) => c.name) };
  }

  /** One column of the result as a list. */
  async column(frame: Frame, steps: readonly Step[], name: string): Promise<unknown[]> {
    const { rows } = await this.run(frame, steps);
    return rows.map((r) => r[name]);
  }
}

/** Numbers rounded for comparisons (null kept). */
export function rounded(values: readonly unknown[], digits = 6): Array<number | null> {
  return values.map((v) =>
    v === null || v === undefined ? null : Number(Number(v).toFixed(digits)),
  );
}
