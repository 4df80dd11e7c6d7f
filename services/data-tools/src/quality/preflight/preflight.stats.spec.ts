import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnSchema } from '@hydroml/contracts';
import { DuckEngine } from '../../engine/duck-engine.js';
import { assessPreflight } from './preflight.rules.js';
import { preflightStats } from './preflight.stats.js';

const SOURCE = `(SELECT i AS id, i % 3 AS k, i * 2.0 AS flow, i * 2.0 AS flow_copy, 7 AS c,
  CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS cat, CASE WHEN i < 5 THEN NULL ELSE i END AS part
  FROM range(40) t(i))`;

const SCHEMA: ColumnSchema[] = [
  { name: 'id', type: 'integer', sourceType: 'BIGINT' },
  { name: 'k', type: 'integer', sourceType: 'BIGINT' },
  { name: 'flow', type: 'float', sourceType: 'DOUBLE' },
  { name: 'flow_copy', type: 'float', sourceType: 'DOUBLE' },
  { name: 'c', type: 'integer', sourceType: 'INTEGER' },
  { name: 'cat', type: 'string', sourceType: 'VARCHAR' },
  { name: 'part', type: 'integer', sourceType: 'BIGINT' },
];

describe('preflightStats with DuckDB', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'preflight-'));
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

  const features = ['id', 'k', 'flow_copy', 'c', 'cat', 'part', 'nope'];

  it('counts values, distinct values, target copies and correlation in one pass', async () => {
    const stats = await engine.use((c) => preflightStats(c, SOURCE, SCHEMA, SCHEMA[2], features));
    expect(stats.rows).toBe(40);
    expect(stats.missingFeatures).toEqual(['nope']);
    const by = new Map(stats.features.map((f) => [f.name, f]));
    expect(by.get('flow_copy')).toMatchObject({ equalsTarget: true, distinct: 40 });
    expect(by.get('id')?.corrWithTarget).toBeCloseTo(1, 12);
    expect(by.get('k')).toMatchObject({ distinct: 3, equalsTarget: false });
    expect(by.get('part')).toMatchObject({ present: 35, distinct: 35 });
    expect(by.get('cat')?.corrWithTarget).toBeNull();
  });

  it('gives the verdict: leakage error, id-like and constant features left out', async () => {
    const stats = await engine.use((c) => preflightStats(c, SOURCE, SCHEMA, SCHEMA[2], features));
    const result = assessPreflight(stats, { target: 'flow', features });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.code, e.column])).toEqual([
      ['feature_not_found', 'nope'],
      ['leakage', 'flow_copy'],
    ]);
    expect(result.usableFeatures).toEqual(['k', 'cat', 'part']);
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([
      ['feature_id_like', 'id'],
      ['feature_constant', 'c'],
      ['leakage_suspected', 'part'],
    ]);
  });

  it('counts the classes of a classification target', async () => {
    const stats = await engine.use((c) =>
      preflightStats(c, SOURCE, SCHEMA, SCHEMA[1], ['flow', 'cat']),
    );
    const result = assessPreflight(stats, { target: 'k' });
    expect(result).toMatchObject({ ok: true, task: 'classification', taskInferred: true });
    expect(result.classes).toEqual([
      { value: '0', count: 14 },
      { value: '1', count: 13 },
      { value: '2', count: 13 },
    ]);
  });
});
