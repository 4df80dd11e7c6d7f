import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compileRecipe, selectHead, type CompiledRecipe } from '../core/compile-recipe.js';
import type { StepRegistry } from '../core/registry.js';
import { ident } from '../core/sql.js';
import { ROW_ID, type Step } from '../core/types.js';
import { DuckRecipeEngine } from '../duck/duck-recipe-engine.js';

/**
 * A small table for step tests: column name -> DuckDB type, and rows of plain values. Row `i` gets
 * `__hydroml_rid = i`, like a file's row number.
 */
export interface TestFrame {
  columns: Record<string, string>;
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

export interface StepsOutcome {
  recipe: CompiledRecipe;
  /** Head rows ordered by the row id, without it. */
  rows: Array<Record<string, unknown>>;
  /** Head column names in order. */
  columns: string[];
  /** Head column types (`integer`, `float`, ...) by name. */
  types: Record<string, string>;
}

function literal(value: string | number | boolean | null, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  const text = typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
  return `CAST(${text} AS ${type})`;
}

/** `SELECT … FROM (VALUES …)` of the frame with the hidden row id (a test fixture, not user input). */
export function frameSql(frame: TestFrame): string {
  const names = Object.keys(frame.columns);
  const types = Object.values(frame.columns);
  const empty = names.map((_, i) => literal(null, types[i]));
  const rows = frame.rows.length > 0 ? frame.rows : [];
  const values = rows.map(
    (row, r) => `(${[...row.map((v, i) => literal(v, types[i])), `${r}::BIGINT`].join(', ')})`,
  );
  const head = [...names, ROW_ID].map(ident).join(', ');
  if (values.length === 0) {
    return `SELECT * FROM (VALUES (${[...empty, '0::BIGINT'].join(', ')})) t(${head}) LIMIT 0`;
  }
  return `SELECT * FROM (VALUES ${values.join(', ')}) t(${head})`;
}

/** One in-memory DuckDB for a spec file: `open()` in beforeAll, `close()` in afterAll. */
export class TestDuck {
  private instance: DuckDBInstance | undefined;
  private conn: DuckDBConnection | undefined;

  async open(): Promise<void> {
    this.instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '1',
    });
    this.conn = await this.instance.connect();
  }

  get engine(): DuckRecipeEngine {
    if (!this.conn) throw new Error('TestDuck.open() first');
    return new DuckRecipeEngine(this.conn);
  }

  close(): void {
    this.conn?.closeSync();
    this.instance?.closeSync();
  }

  /** Compiles `steps` over the frame and returns the head's rows (ordered by row id) and schema. */
  async run(
    registry: StepRegistry,
    frame: TestFrame,
    steps: readonly Step[],
    sources?: ReadonlyMap<string, TestFrame>,
    options: { refitFrom?: number; refit?: boolean } = {},
  ): Promise<StepsOutcome> {
    const engine = this.engine;
    const relationOf = async (f: TestFrame) => {
      const sql = frameSql(f);
      const schema = (await engine.describe(sql, [])).filter((c) => c.name !== ROW_ID);
      return { sql, schema };
    };
    const resolved = new Map<
      string,
      { sql: string; schema: Awaited<ReturnType<typeof relationOf>>['schema'] }
    >();
    for (const [key, f] of sources ?? []) resolved.set(key, await relationOf(f));
    const recipe = await compileRecipe({
      registry,
      engine,
      base: await relationOf(frame),
      steps,
      sources: resolved,
      ...options,
    });
    const rows = await engine.query(selectHead(recipe, `ORDER BY ${ident(ROW_ID)}`), recipe.binds);
    return {
      recipe,
      rows,
      columns: recipe.schema.map((c) => c.name),
      types: Object.fromEntries(recipe.schema.map((c) => [c.name, c.type])),
    };
  }
}
