import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetSource, ROW_ID } from '@hydroml/recipes';
import type { GridRelation } from '../grid-relation.js';
import { inlineBinds, sqlLiteral } from './inline-binds.js';
import { runSandboxed } from './sql-sandbox.js';

const limits = { rows: 100, timeoutMs: 5_000, threads: 1, memoryLimit: '256MiB' };
let dir: string;
let relation: GridRelation;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sql-sandbox-'));
  const file = join(dir, 'v.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT range AS x, 'r' || range AS s FROM range(1000)) TO '${file}' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
  relation = {
    withClause: `WITH "__step_0" AS (${parquetSource(`'${file}'`)}), "__step_1" AS (SELECT * FROM "__step_0" WHERE x >= $1 AND s <> '$2 is text')`,
    source: '"__step_1"',
    binds: [10],
    schema: [],
    cacheKey: 'test',
    files: [file],
  };
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('inlineBinds', () => {
  it('replaces placeholders outside quotes only, with typed literals', () => {
    const sql = `SELECT $1, '$2', "$1", $2, $3, $4 WHERE s = 'it''s $1'`;
    expect(inlineBinds(sql, ["a'b", 2.5, null, true])).toBe(
      `SELECT 'a''b', '$2', "$1", CAST(2.5 AS DOUBLE), NULL, TRUE WHERE s = 'it''s $1'`,
    );
    expect(sqlLiteral(10n)).toBe('CAST(10 AS HUGEINT)');
    expect(() => inlineBinds('SELECT $2', [1])).toThrow(/no value/);
  });
});

describe('runSandboxed', () => {
  it('reads the dataset as the view "data" (binds inlined, row id hidden), limited in rows', async () => {
    const result = await runSandboxed(relation, 'SELECT * FROM data ORDER BY x', {
      ...limits,
      rows: 5,
    });
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(5);
    expect(result.rows[0]).toEqual({ x: '10', s: 'r10' });
    expect(result.columns.map((c) => c.name)).toEqual(['x', 's']);
    expect(result.columns.some((c) => c.name === ROW_ID)).toBe(false);
  });

  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", /may only read the dataset/],
    ["COPY (SELECT 1) TO '/tmp/sandbox-leak.csv'", /.+/],
    ['SET enable_external_access = true', /only SELECT/],
    ['INSTALL httpfs', /only SELECT/],
    ["ATTACH ':memory:' AS other", /only SELECT/],
    ['SELECT 1; SELECT 2', /exactly one/],
    ['DROP VIEW data', /only SELECT/],
  ])('refuses %s', async (sql, message) => {
    await expect(runSandboxed(relation, sql, limits)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    });
  });

  it('interrupts a query that runs past the time limit', async () => {
    const started = Date.now();
    await expect(
      runSandboxed(relation, 'SELECT count(*) FROM range(1000000000000) a', {
        ...limits,
        timeoutMs: 200,
      }),
    ).rejects.toMatchObject({ code: 'deadline_exceeded' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
