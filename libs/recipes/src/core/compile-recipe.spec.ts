import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckRecipeEngine } from '../duck/duck-recipe-engine.js';
import { compileRecipe, selectHead } from './compile-recipe.js';
import { read } from './params.js';
import { defineStep, StepRegistry } from './registry.js';
import { ident, requireColumnOfType, selectReplacing, NUMERIC_TYPES } from './sql.js';
import { StepError } from './step-error.js';
import { DEFAULT_RECIPE_LIMITS, ROW_ID } from './types.js';

interface CenterParams {
  column: string;
  mean?: number;
}

/** A learned step for the test: subtract the column's mean, fitted once. */
const center = defineStep<CenterParams>({
  op: 'test.center',
  family: 'learned',
  title: 'Centre a column',
  parse: (raw) => ({ column: read.string(raw, 'column'), mean: read.optionalNumber(raw, 'mean') }),
  isFitted: (p) => p.mean !== undefined,
  async fit(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    const [row] = await ctx.query(`SELECT avg(${ident(p.column)}) AS m FROM ${ident(input.name)}`);
    return { ...p, mean: Number(row.m) };
  },
  compile(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    const expression = `${ident(p.column)} - ${ctx.bind(p.mean ?? 0)}`;
    return selectReplacing(input, new Map([[p.column, expression]]));
  },
});

const above = defineStep<{ column: string; value: number }>({
  op: 'test.above',
  family: 'rows',
  title: 'Keep rows above a value',
  parse: (raw) => ({ column: read.string(raw, 'column'), value: read.number(raw, 'value') }),
  compile(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    return `SELECT * FROM ${ident(input.name)} WHERE ${ident(p.column)} > ${ctx.bind(p.value)}`;
  },
});

/** A step with a data check: counts its input's rows, refused above the server's join ceiling. */
const counted = defineStep<{ rows?: number }>({
  op: 'test.counted',
  family: 'rows',
  title: 'Count rows',
  parse: (raw) => ({ rows: read.optionalNumber(raw, 'rows') }),
  async check(p, input, ctx) {
    const [row] = await ctx.query(`SELECT count(*)::INTEGER AS n FROM ${ident(input.name)}`);
    const rows = Number(row.n);
    if (rows > ctx.limits.joinMaxRows) throw new StepError(`${rows} rows`);
    return { rows };
  },
  compile: (_p, input) => `SELECT * FROM ${ident(input.name)}`,
});

const registry = new StepRegistry([center, above, counted]);
let instance: DuckDBInstance;
let connection: DuckDBConnection;
const base = {
  sql: `SELECT * FROM (VALUES (1, 'a', 0), (2, 'b', 1), (6, 'c', 2)) t(x, s, ${ident(ROW_ID)})`,
  schema: [
    { name: 'x', type: 'integer' as const, sourceType: 'INTEGER' },
    { name: 's', type: 'string' as const, sourceType: 'VARCHAR' },
  ],
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('compileRecipe', () => {
  it('chains steps as CTEs with numbered binds, fits once and learns each schema', async () => {
    const engine = new DuckRecipeEngine(connection);
    const recipe = await compileRecipe({
      registry,
      engine,
      base,
      steps: [
        { op: 'test.above', params: { column: 'x', value: 1 } },
        { op: 'test.center', params: { column: 'x' } },
      ],
    });
    expect(recipe.steps[1].params).toEqual({ column: 'x', mean: 4 });
    expect(recipe.binds).toEqual([1, 4]);
    expect(recipe.schema.map((c) => c.name)).toEqual(['x', 's']);
    const rows = await engine.query(selectHead(recipe, `ORDER BY ${ident(ROW_ID)}`), recipe.binds);
    expect(rows).toEqual([
      { x: -2, s: 'b' },
      { x: 2, s: 'c' },
    ]);
  });

  it('reuses fitted values on new data and names the failing step and column', async () => {
    const engine = new DuckRecipeEngine(connection);
    const fitted = await compileRecipe({
      registry,
      engine,
      base,
      steps: [{ op: 'test.center', params: { column: 'x', mean: 10 } }],
    });
    expect(fitted.binds).toEqual([10]);
    await expect(
      compileRecipe({
        registry,
        engine,
        base,
        steps: [
          { op: 'test.above', params: { column: 'x', value: 0 } },
          { op: 'test.center', params: { column: 's' } },
        ],
      }),
    ).rejects.toThrow(/step 2 \(test.center\): column "s" is string/);
    await expect(
      compileRecipe({ registry, engine, base, steps: [{ op: 'nope', params: {} }] }),
    ).rejects.toBeInstanceOf(StepError);
  });

  it("runs a step's check on every compile, whatever its params carry, unless already checked", async () => {
    const engine = new DuckRecipeEngine(connection);
    const steps = [{ op: 'test.counted', params: { rows: 1 } }];
    const recipe = await compileRecipe({ registry, engine, base, steps });
    expect(recipe.steps[0].params).toEqual({ rows: 3 });
    const limits = { ...DEFAULT_RECIPE_LIMITS, joinMaxRows: 2 };
    await expect(compileRecipe({ registry, engine, base, steps, limits })).rejects.toThrow(
      /step 1 \(test.counted\): 3 rows/,
    );
    const read = await compileRecipe({ registry, engine, base, steps, limits, checked: true });
    expect(read.steps[0].params).toEqual({ rows: 1 });
  });
});
