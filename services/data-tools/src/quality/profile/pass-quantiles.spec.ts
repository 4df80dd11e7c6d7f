import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnType } from '@hydroml/contracts';
import { DuckEngine } from '../../engine/duck-engine.js';
import { num, queryRows } from './duck-rows.js';
import { quantilesPass } from './pass-quantiles.js';
import { kindOf, QUANTILES, type BasicStats } from './profile.internal.js';

// Integer columns with few values (counted) and many (sorted), nulls, repeats and odd sizes,
// and float columns with NaN, infinities and signed zeros.
const COLUMNS: Array<[string, ColumnType, string, number]> = [
  ['few', 'integer', `CASE WHEN i % 4 = 0 THEN NULL ELSE (i * 7919) % 13 - 6 END`, 13],
  ['two', 'integer', `CASE WHEN i < 3 THEN i * 1000000007 END`, 3],
  ['one', 'integer', `CASE WHEN i = 5 THEN -42 END`, 1],
  ['big', 'integer', `(i * 2654435761) % 1000003`, 200_000],
  ['big_few', 'integer', `(i % 5) * 9007199254740`, 5],
  [
    'f',
    'float',
    `CASE WHEN i % 97 = 0 THEN 'NaN'::DOUBLE WHEN i = 3 THEN 'inf'::DOUBLE ELSE i / 7 END`,
    200_000,
  ],
  [
    'f_few',
    'float',
    `CASE WHEN i % 97 = 0 THEN 'NaN'::DOUBLE WHEN i = 3 THEN 'inf'::DOUBLE WHEN i = 4 THEN '-inf'::DOUBLE WHEN i % 11 = 0 THEN -0.0 ELSE (i % 50) / 7 - 3 END`,
    60,
  ],
  [
    'f_edge',
    'float',
    `CASE i % 10 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN '-inf'::DOUBLE WHEN 2 THEN 'inf'::DOUBLE ELSE i % 3 END`,
    5,
  ],
  ['f_zero', 'float', `CASE WHEN i % 2 = 0 THEN -0.0 ELSE 0.0 END`, 1],
];
const SOURCE = `(SELECT ${COLUMNS.map(([n, , e]) => `${e} AS ${n}`).join(', ')} FROM range(4999) t(i))`;

describe('quantilesPass', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quantiles-'));
    engine = await DuckEngine.create({ threads: 2, memoryLimit: '256MiB', tempDir: dir });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives what quantile_cont gives, from value counts or sorting', async () => {
    const columns = await engine.use(async (c) => {
      const [n] = await queryRows(
        c,
        `SELECT ${COLUMNS.map(([name]) => `count(${name})::DOUBLE AS ${name}`).join(', ')} FROM ${SOURCE}`,
      );
      return COLUMNS.map(([name, type, , distinct]): BasicStats => {
        const numeric = { min: 0, max: 0, mean: 0, sum: 0, std: 0, variance: 0, zeros: 0 };
        return {
          ...{
            column: { name, type, sourceType: '' },
            kind: kindOf(type),
            count: num(n[name]) ?? 0,
          },
          ...{ distinct, distinctApproximate: false, nullLike: [] },
          numeric: { ...numeric, negatives: 0, infinite: 0, quantiles: [] },
        };
      });
    });
    await engine.use((c) => quantilesPass(c, SOURCE, columns));
    const [expected] = await engine.use((c) =>
      queryRows(
        c,
        `SELECT ${COLUMNS.map(([name, type]) => `quantile_cont(${type === 'float' ? `${name}::DOUBLE` : name}, [${QUANTILES.join(', ')}]) AS ${name}`).join(', ')} FROM ${SOURCE}`,
      ),
    );
    for (const s of columns) {
      const want = (expected[s.column.name] as unknown[]).map((v) => num(v));
      expect([s.column.name, s.numeric?.quantiles]).toEqual([s.column.name, want]);
    }
  });
});
