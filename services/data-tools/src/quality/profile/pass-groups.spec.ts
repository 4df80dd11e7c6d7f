import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnType } from '@hydroml/contracts';
import { DuckEngine } from '../../engine/duck-engine.js';
import { count, queryRows } from './duck-rows.js';
import { duplicates } from './pass-groups.js';
import { kindOf, type BasicStats } from './profile.internal.js';

// Repeats with nulls, NaN, signed zeros and lists among 2,000 rows, most of them distinct.
const ROWS = `SELECT i AS t, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 50)::DOUBLE END AS x,
  CASE WHEN i % 11 = 0 THEN 'NaN'::DOUBLE WHEN i % 13 = 0 THEN -0.0 WHEN i % 17 = 0 THEN 0.0 ELSE i // 3 END AS y,
  CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i // 4) END AS s, [i % 3, i // 500] AS l
  FROM range(2000) r(i)`;

const COLUMNS: Array<[string, ColumnType]> = [
  ['t', 'integer'],
  ['x', 'float'],
  ['y', 'float'],
  ['s', 'string'],
  ['l', 'other'],
];

function stats(name: string, type: ColumnType): BasicStats {
  const column = { name, type, sourceType: '' };
  return {
    column,
    kind: kindOf(type),
    count: 0,
    distinct: 0,
    distinctApproximate: true,
    nullLike: [],
  };
}

describe('duplicates', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'groups-'));
    engine = await DuckEngine.create({ threads: 2, memoryLimit: '256MiB', tempDir: dir });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts repeated rows exactly, with and without the key column', async () => {
    // Rows repeated once (t % 9 = 0) and twice more (t % 27 = 0), NaN and signed zeros included.
    const source = `(SELECT * FROM (${ROWS}) UNION ALL SELECT * FROM (${ROWS}) WHERE t % 9 = 0
      UNION ALL SELECT * FROM (${ROWS}) WHERE t % 27 = 0)`;
    const rows = 2000 + 223 + 75;
    const all = COLUMNS.map(([n, t]) => stats(n, t));
    const found = await engine.use((c) => duplicates(c, source, rows, all, ['t']));
    const distinct = (list: string) =>
      engine.use(async (c) => {
        const sql = `SELECT count(*) AS n FROM (SELECT DISTINCT ${list} FROM ${source})`;
        return count((await queryRows(c, sql))[0].n);
      });
    expect(found.duplicateRows).toBe(298);
    expect(rows - (await distinct('t, x, y, s, l'))).toBe(298);
    const ignoring = rows - (await distinct('x, y, s, l'));
    expect(ignoring).toBeGreaterThan(298);
    expect(found.duplicatesIgnoring).toEqual({ columns: ['t'], rows: ignoring });
    expect(found.duplicateExamples.map((e) => e.count)).toEqual([3, 3, 3, 3, 3]);
    expect(Number(found.duplicateExamples[0].row.t) % 27).toBe(0);
  });

  it('finds none when every row differs', async () => {
    const all = COLUMNS.map(([n, t]) => stats(n, t));
    const found = await engine.use((c) => duplicates(c, `(${ROWS})`, 2000, all, []));
    expect(found).toEqual({ duplicateRows: 0, duplicateExamples: [], duplicatesIgnoring: null });
  });
});
