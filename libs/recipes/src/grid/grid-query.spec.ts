import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { ROW_ID } from '../core/types.js';
import {
  anchorAfter,
  anchorFromRow,
  compileAnchorQuery,
  compileGridQuery,
  type GridSource,
} from './grid-query.js';
import type { GridRequest } from './grid-request.js';

const schema: ColumnSchema[] = [
  { name: 'g', type: 'string', sourceType: 'VARCHAR' },
  { name: 'x', type: 'integer', sourceType: 'BIGINT' },
  { name: 'y', type: 'float', sourceType: 'DOUBLE' },
];

const source: GridSource = {
  withClause: `WITH "base" AS (SELECT * FROM (SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE 'g' || (i % 3) END AS g, i % 10 AS x, CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4 END AS y, i AS ${ROW_ID} FROM range(200) r(i)) WHERE x >= $1)`,
  source: '"base"',
  binds: [0],
  schema,
};

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function run(
  sql: string,
  binds: readonly unknown[],
): Promise<Array<Record<string, unknown>>> {
  return (await connection.runAndReadAll(sql, binds as never)).getRowObjectsJson();
}

const sorted: GridRequest = {
  sortModel: [
    { colId: 'y', sort: 'desc' },
    { colId: 'g', sort: 'asc' },
  ],
  filterModel: { x: { filterType: 'number', type: 'lessThan', filter: 8 } },
};

describe('compileGridQuery: rows', () => {
  it('pages a sorted, filtered relation with the exact count', async () => {
    const query = compileGridQuery(source, { ...sorted, startRow: 0, endRow: 10 });
    const page = await run(query.pageSql, query.pageBinds);
    const [{ n }] = await run(query.countSql, query.countBinds);
    expect(Number(n)).toBe(160);
    expect(page).toHaveLength(10);
    expect(page.every((r) => Number(r.x) < 8)).toBe(true);
    const ys = page.map((r) => r.y as number);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
  });

  it('seek pages equal offset pages, nulls and ties included', async () => {
    const all = await run(
      compileGridQuery(source, { ...sorted, startRow: 0, endRow: 160 }).pageSql,
      [0, 8],
    );
    let anchor;
    const seen: unknown[] = [];
    for (let start = 0; start < 160; start += 25) {
      const query = compileGridQuery(
        source,
        { ...sorted, startRow: start, endRow: start + 25 },
        anchor,
      );
      expect(query.seeked).toBe(start > 0);
      const page = await run(query.pageSql, query.pageBinds);
      seen.push(...page.map((r) => r[ROW_ID]));
      anchor = anchorAfter(query, page[page.length - 1], start + page.length - 1);
    }
    expect(seen).toEqual(all.map((r) => r[ROW_ID]));
  });

  it('uses an anchor before startRow with the remaining offset', async () => {
    const first = compileGridQuery(source, { ...sorted, startRow: 0, endRow: 20 });
    const rows = await run(first.pageSql, first.pageBinds);
    const anchor = anchorAfter(first, rows[9], 9);
    const later = compileGridQuery(source, { ...sorted, startRow: 15, endRow: 20 }, anchor);
    expect(later.pageSql).toContain('OFFSET 5');
    const page = await run(later.pageSql, later.pageBinds);
    expect(page.map((r) => r[ROW_ID])).toEqual(rows.slice(15, 20).map((r) => r[ROW_ID]));
  });

  it('pages an unsorted, unfiltered relation with contiguous row ids by id range', async () => {
    const plain = {
      source: `(SELECT range AS x, range AS ${ROW_ID} FROM range(500))`,
      binds: [],
      schema: [schema[1]],
      contiguousRowIds: true,
    };
    const query = compileGridQuery(plain, { startRow: 300, endRow: 310 });
    expect(query.pageSql).not.toContain('OFFSET');
    expect(query.filtered).toBe(false);
    const page = await run(query.pageSql, query.pageBinds);
    expect(page.map((r) => Number(r.x))).toEqual([
      300, 301, 302, 303, 304, 305, 306, 307, 308, 309,
    ]);
    const filtered = compileGridQuery(plain, {
      startRow: 0,
      endRow: 5,
      filterModel: { x: { filterType: 'number', type: 'greaterThan', filter: 490 } },
    });
    expect(filtered.filtered).toBe(true);
    expect((await run(filtered.pageSql, filtered.pageBinds)).map((r) => Number(r.x))).toEqual([
      491, 492, 493, 494, 495,
    ]);
  });

  it('finds the anchor of a deep page with a narrow query, then seeks to the same rows', async () => {
    const big = {
      source: `(SELECT range % 1000 AS x, (range * 7) % 13 AS y, range AS ${ROW_ID} FROM range(60000))`,
      binds: [],
      schema: [schema[1], { ...schema[1], name: 'y' }],
    };
    const request: GridRequest = {
      startRow: 30_000,
      endRow: 30_010,
      sortModel: [
        { colId: 'y', sort: 'desc' },
        { colId: 'x', sort: 'asc' },
      ],
    };
    const plain = compileGridQuery(big, request);
    const expected = await run(plain.pageSql, plain.pageBinds);
    expect(compileAnchorQuery(big, { ...request, startRow: 100, endRow: 110 })).toBeUndefined();
    const deep = compileAnchorQuery(big, request);
    if (!deep) throw new Error('expected an anchor query');
    const [row] = await run(deep.sql, deep.binds);
    const anchor = anchorFromRow(deep, row);
    expect(anchor?.row).toBe(30_000);
    const seeked = compileGridQuery(big, request, anchor);
    expect(seeked.pageSql).toContain('OFFSET 0');
    expect(await run(seeked.pageSql, seeked.pageBinds)).toEqual(expected);
  });

  it('refuses bad pages and unknown sort columns', () => {
    expect(() => compileGridQuery(source, { startRow: -1, endRow: 10 })).toThrow(/startRow/);
    expect(() => compileGridQuery(source, { startRow: 0, endRow: 100_000 })).toThrow(/page holds/);
    const bad = { sortModel: [{ colId: 'x" DESC; DROP TABLE t; --', sort: 'asc' as const }] };
    expect(() => compileGridQuery(source, bad)).toThrow(/does not exist/);
    const twice = {
      sortModel: [
        { colId: 'x', sort: 'asc' as const },
        { colId: 'x', sort: 'desc' as const },
      ],
    };
    expect(() => compileGridQuery(source, twice)).toThrow(/sorted twice/);
  });
});

describe('compileGridQuery: group rows', () => {
  const grouped: GridRequest = {
    startRow: 0,
    endRow: 100,
    rowGroupCols: [
      { id: 'g', field: 'g' },
      { id: 'x', field: 'x' },
    ],
    valueCols: [{ id: 'y', field: 'y', aggFunc: 'sum' }],
    sortModel: [{ colId: 'y', sort: 'desc' }],
  };

  it('lists the first level with aggregates and child counts', async () => {
    const query = compileGridQuery(source, grouped);
    expect(query.mode).toBe('groups');
    const rows = await run(query.pageSql, query.pageBinds);
    const [{ n }] = await run(query.countSql, query.countBinds);
    expect(Number(n)).toBe(4);
    expect(rows.reduce((s, r) => s + Number(r.__hydroml_child_count), 0)).toBe(200);
    const sums = rows.map((r) => r.y as number);
    expect([...sums].sort((a, b) => b - a)).toEqual(sums);
  });

  it('opens a group (a null key included) and then its leaf rows', async () => {
    const second = compileGridQuery(source, { ...grouped, groupKeys: ['g1'] });
    const rows = await run(second.pageSql, second.pageBinds);
    expect(rows.map((r) => Number(r.x)).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const leaves = compileGridQuery(source, { ...grouped, groupKeys: [null, '3'] });
    expect(leaves.mode).toBe('rows');
    const leafRows = await run(leaves.pageSql, leaves.pageBinds);
    expect(leafRows.length).toBeGreaterThan(0);
    expect(leafRows.every((r) => r.g === null && Number(r.x) === 3)).toBe(true);
  });

  it('refuses sum over text and unknown aggregates', () => {
    const text = {
      ...grouped,
      valueCols: [{ id: 'g', aggFunc: 'sum' }],
      rowGroupCols: [{ id: 'x' }],
    };
    expect(() => compileGridQuery(source, text)).toThrow(/needs numbers/);
    const odd = { ...grouped, valueCols: [{ id: 'y', aggFunc: 'median); DROP' }] };
    expect(() => compileGridQuery(source, odd)).toThrow(/aggFunc/);
    expect(() => compileGridQuery(source, { ...grouped, groupKeys: ['a', 'b', 'c'] })).toThrow(
      /groupKeys/,
    );
  });

  const typedSchema: ColumnSchema[] = [
    { name: 'f', type: 'float', sourceType: 'DOUBLE' },
    { name: 'n', type: 'integer', sourceType: 'BIGINT' },
    { name: 'i', type: 'integer', sourceType: 'INTEGER' },
    { name: 'd', type: 'date', sourceType: 'DATE' },
    { name: 't', type: 'timestamp', sourceType: 'TIMESTAMP' },
    { name: 'b', type: 'boolean', sourceType: 'BOOLEAN' },
    { name: 's', type: 'string', sourceType: 'VARCHAR' },
  ];
  const typed: GridSource = {
    withClause: `WITH "typed" AS (SELECT * FROM (VALUES
      (1.0::DOUBLE, 5::BIGINT, 5, DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00', true, '1.0', 0::BIGINT),
      (1.0, 5, 6, DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00', true, '1.0', 1),
      (2.5, 7, 7, DATE '2024-03-02', TIMESTAMP '2024-01-02 03:00:00.5', false, 'x', 2),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, 3)) t(f, n, i, d, t, b, s, ${ROW_ID}))`,
    source: '"typed"',
    binds: [],
    schema: typedSchema,
  };

  it.each(['f', 'n', 'i', 'd', 't', 'b', 's'])(
    'opens every group of a %s column with the key as the client got it in JSON',
    async (column) => {
      const request = {
        ...{ startRow: 0, endRow: 10, rowGroupCols: [{ id: column }] },
        valueCols: column === 'i' ? [] : [{ id: 'i', aggFunc: 'sum' }],
      };
      const groups = await run(compileGridQuery(typed, request).pageSql, []);
      expect(groups.length).toBeGreaterThanOrEqual(3);
      for (const group of groups) {
        const value = group[column];
        const key = value === null ? null : JSON.stringify(value).replace(/^"|"$/g, '');
        const open = compileGridQuery(typed, { ...request, groupKeys: [key] });
        const rows = await run(open.pageSql, open.pageBinds);
        expect(rows).toHaveLength(Number(group.__hydroml_child_count));
        expect(rows.every((r) => r[column] === value)).toBe(true);
        expect(column === 'i' || typeof group.i === 'number' || group.i === null).toBe(true);
      }
    },
  );

  it('sums integers as numbers and matches no row for a key that does not convert', async () => {
    const request = {
      ...{ startRow: 0, endRow: 10, rowGroupCols: [{ id: 'b' }] },
      valueCols: [{ id: 'n', aggFunc: 'sum' }],
    };
    const groups = await run(compileGridQuery(typed, request).pageSql, []);
    expect(groups.map((g) => g.n)).toEqual([7, 10, null]);
    const bad = compileGridQuery(typed, {
      ...request,
      rowGroupCols: [{ id: 'f' }],
      groupKeys: ['x'],
    });
    expect(await run(bad.pageSql, bad.pageBinds)).toEqual([]);
  });
});
