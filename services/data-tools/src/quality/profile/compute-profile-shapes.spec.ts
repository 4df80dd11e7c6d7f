import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnSchema } from '@hydroml/contracts';
import { DuckEngine } from '../../engine/duck-engine.js';
import { computeProfile } from './compute-profile.js';

const SCHEMA: ColumnSchema[] = [
  { name: 'at', type: 'timestamp', sourceType: 'TIMESTAMP' },
  { name: 'ok', type: 'boolean', sourceType: 'BOOLEAN' },
  { name: 'level', type: 'float', sourceType: 'DOUBLE' },
  { name: 'code', type: 'integer', sourceType: 'BIGINT' },
  { name: 'tags', type: 'other', sourceType: 'VARCHAR[]' },
  { name: 'we"ird', type: 'string', sourceType: 'VARCHAR' },
];

const ROWS = `SELECT TIMESTAMP '2024-01-01' + INTERVAL (i * 15) MINUTE AS at, i % 10 = 0 AS ok,
  CASE WHEN i = 7 THEN -999 ELSE i * 0.5 END AS level, i AS code, [i % 3] AS tags,
  CASE WHEN i % 4 = 0 THEN 'n/a' ELSE 'x' || (i % 5) END AS "we""ird", i AS __hydroml_rid FROM range(200) t(i)`;

describe('computeProfile on other shapes', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapes-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '256MiB',
      tempDir: join(dir, 'duck'),
    });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  const profile = (rows: string) =>
    engine.use((c) =>
      computeProfile(c, {
        source: `(SELECT * EXCLUDE (__hydroml_rid) FROM (${rows}))`,
        ordered: `(${rows})`,
        ...{ schema: SCHEMA, bytes: 0 },
      }),
    );

  it('profiles timestamps, booleans, sentinels, lists and odd names', async () => {
    const p = await profile(ROWS);
    const by = new Map(p.columns.map((c) => [c.name, c]));
    expect(by.get('at')?.datetime).toMatchObject({ step: 900, irregularSteps: 0, gaps: 0 });
    expect(by.get('at')?.monotonic).toBe('strictly_increasing');
    expect(by.get('ok')).toMatchObject({
      semanticType: 'boolean',
      boolean: { trueCount: 20, falseCount: 180 },
    });
    expect(by.get('ok')?.imbalance).toBeCloseTo(
      1 - -(0.1 * Math.log2(0.1) + 0.9 * Math.log2(0.9)),
      12,
    );
    expect(by.get('level')?.nullLike).toEqual([{ value: '-999', count: 1 }]);
    expect(by.get('code')?.semanticType).toBe('id_like');
    expect(by.get('tags')?.distinct).toBe(3);
    expect(by.get('we"ird')?.nullLike).toEqual([{ value: 'n/a', count: 50 }]);
    const types = p.alerts.map((a) => `${a.type}:${a.column ?? ''}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'imbalance:ok',
        'null_like:level',
        'unique:code',
        'null_like:we"ird',
      ]),
    );
    expect(
      p.alerts.find((a) => a.type === 'unique' && a.column === 'code')?.suggestion?.step,
    ).toEqual({
      op: 'columns.drop',
      params: { columns: ['code'] },
    });
  });

  it('profiles an empty table without failing', async () => {
    const p = await profile(`${ROWS} LIMIT 0`);
    expect(p.table).toMatchObject({ rows: 0, duplicateRows: 0, missingCells: 0 });
    expect(p.alerts.map((a) => a.type)).toEqual(['empty']);
    expect(p.ml.readiness).toBe(0);
  });
});
