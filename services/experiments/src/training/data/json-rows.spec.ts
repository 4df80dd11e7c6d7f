import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { loadJsonRows, rowsSchema } from './json-rows.js';

describe('JSON rows read as a recipe input', () => {
  let db: DuckDBInstance;
  let c: DuckDBConnection;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    c = await db.connect();
  });
  afterAll(() => {
    c.closeSync();
    db.closeSync();
  });

  it('guesses types from the values when the run stored no input columns', () => {
    const rows = [
      { n: 1, x: 1.5, b: true, s: 'a', mixed: 1 },
      { n: 2, x: 2, b: null, s: 'b', mixed: 'two', extra: null },
    ];
    expect(rowsSchema(rows).map((c) => [c.name, c.sourceType])).toEqual([
      ['n', 'BIGINT'],
      ['x', 'DOUBLE'],
      ['b', 'BOOLEAN'],
      ['s', 'VARCHAR'],
      ['mixed', 'VARCHAR'],
      ['extra', 'VARCHAR'],
    ]);
  });

  it('reads the rows as the training columns: types cast, absent keys missing, input order kept', async () => {
    const schema: ColumnSchema[] = [
      { name: 'day', type: 'date', sourceType: 'DATE' },
      { name: 'flow m3/s', type: 'float', sourceType: 'DOUBLE' },
      { name: 'station', type: 'string', sourceType: 'VARCHAR' },
      { name: 'odd', type: 'string', sourceType: 'MAP(VARCHAR, x); DROP TABLE t' },
    ];
    const rows = [
      { day: '2024-01-02', 'flow m3/s': 3.5, station: 'A', ignored: 1 },
      { day: '2024-01-01', 'flow m3/s': '4' },
    ];
    const used = rowsSchema(rows, schema);
    expect(used[3].sourceType).toBe('VARCHAR'); // not a type name: read as text
    await loadJsonRows(c, 't1', rows, used);
    const read = await c.runAndReadAll('SELECT * FROM t1');
    expect(read.columnNames()).toEqual(['day', 'flow m3/s', 'station', 'odd', '__hydroml_rid']);
    expect(read.getRowsJS()).toEqual([
      [new Date('2024-01-02T00:00:00Z'), 3.5, 'A', null, 0n],
      [new Date('2024-01-01T00:00:00Z'), 4, null, null, 1n],
    ]);
  });

  it('refuses a value that is not of the column type, naming the column and the value', async () => {
    const schema: ColumnSchema[] = [
      { name: 'day', type: 'date', sourceType: 'DATE' },
      { name: 'flow', type: 'float', sourceType: 'DOUBLE' },
    ];
    const rows = [
      { day: '2024-01-01', flow: 1 },
      { day: 'yesterday', flow: 'high' },
    ];
    await expect(loadJsonRows(c, 't2', rows, schema)).rejects.toThrow(
      `rows: column 'day' holds "yesterday", which is not a date (DATE) as in the training data`,
    );
  });

  it('reads no rows, and keys with quotes, dots and spaces', async () => {
    const schema: ColumnSchema[] = [{ name: 'a "b".c d', type: 'float', sourceType: 'DOUBLE' }];
    await loadJsonRows(c, 't3', [], schema);
    expect((await c.runAndReadAll('SELECT count(*) FROM t3')).getRowsJS()).toEqual([[0n]]);
    await loadJsonRows(c, 't4', [{ 'a "b".c d': 2.5 }], schema);
    expect((await c.runAndReadAll('SELECT * FROM t4')).getRowsJS()).toEqual([[2.5, 0n]]);
    const none = rowsSchema([{}]);
    expect(none).toEqual([]);
    await loadJsonRows(c, 't5', [{}, {}], none);
    expect((await c.runAndReadAll('SELECT * FROM t5')).getRowsJS()).toEqual([[0n], [1n]]);
  });
});
