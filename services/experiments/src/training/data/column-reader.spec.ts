import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { asNumbers, asTexts, readColumns } from './column-reader.js';
import { encodeNew, trainingColumn } from './columns.js';

describe('readColumns', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('reads numbers into Float64Arrays (NULL as NaN) and text as strings across chunks', async () => {
    const sql = `SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS a,
        CASE WHEN i % 5 = 0 THEN NULL ELSE 's' || (i % 3) END AS b
      FROM range(5000) t(i) WHERE i >= $1 ORDER BY i`;
    const [a, b] = await readColumns(connection, sql, [10], ['number', 'text']);
    const reference = (await connection.runAndReadAll(sql, [10])).getColumnsJS();
    expect(a).toBeInstanceOf(Float64Array);
    expect(a).toHaveLength(4990);
    expect(Array.from(asNumbers(a))).toEqual(reference[0].map((v) => (v === null ? NaN : v)));
    expect(asTexts(b)).toEqual(reference[1]);
    expect(() => asTexts(a)).toThrow();
    expect(() => asNumbers(b)).toThrow();
  });

  it('gives empty columns for an empty result', async () => {
    const [a] = await readColumns(
      connection,
      'SELECT 1.0::DOUBLE AS a WHERE false',
      [],
      ['number'],
    );
    expect(a).toHaveLength(0);
  });
});

describe('encodeNew', () => {
  it('codes labels by their rank in the sorted dictionary, missing as NaN', () => {
    const { codes, categories } = encodeNew(['b', null, 'a', 'c', 'b', undefined, 'a']);
    expect(categories).toEqual(['a', 'b', 'c']);
    expect(Array.from(codes)).toEqual([1, NaN, 0, 2, 1, NaN, 0]);
  });

  it('labels numbers and booleans by their text', () => {
    const { codes, categories } = encodeNew([10, 9, true, 10]);
    expect(categories).toEqual(['10', '9', 'true']);
    expect(Array.from(codes)).toEqual([0, 1, 2, 0]);
  });

  it('keeps numeric columns read as Float64Array and converts others', () => {
    const values = Float64Array.of(1, NaN);
    expect(trainingColumn('x', false, values).values).toBe(values);
    expect(Array.from(trainingColumn('x', false, ['2', null, 3]).values)).toEqual([2, NaN, 3]);
  });
});
