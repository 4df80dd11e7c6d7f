import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { StepError } from '../core/step-error.js';
import type { SqlValue } from '../core/types.js';
import { compileFilterModel } from './filter-model.js';

const schema: ColumnSchema[] = [
  { name: 'id', type: 'integer', sourceType: 'BIGINT' },
  { name: 'name', type: 'string', sourceType: 'VARCHAR' },
  { name: 'flow', type: 'float', sourceType: 'DOUBLE' },
  { name: 'day', type: 'date', sourceType: 'DATE' },
  { name: 'ts', type: 'timestamp', sourceType: 'TIMESTAMP' },
  { name: 'ok', type: 'boolean', sourceType: 'BOOLEAN' },
];

const rows = `SELECT * FROM (VALUES
  (1, 'Rhine', 10.5, DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00', TRUE),
  (2, 'rhône', 3.0, DATE '2020-06-15', TIMESTAMP '2020-06-15 23:59', FALSE),
  (3, 'Danube', NULL, DATE '2021-03-01', NULL, NULL),
  (4, '', 7.25, NULL, TIMESTAMP '2021-03-01 00:00', TRUE),
  (5, NULL, -1.0, DATE '2019-12-31', TIMESTAMP '2019-12-31 12:00', FALSE),
  (6, 'it''s; DROP', 0.0, DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00', TRUE)
) t(id, name, flow, day, ts, ok)`;

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

/** The ids of the rows `model` keeps, compiled and run for real. */
async function ids(model: unknown): Promise<number[]> {
  const binds: SqlValue[] = [];
  const where = compileFilterModel(model, schema, (v) => {
    binds.push(v);
    return `$${binds.length}`;
  });
  const reader = await connection.runAndReadAll(
    `SELECT id FROM (${rows}) WHERE ${where} ORDER BY id`,
    binds,
  );
  return reader.getRowObjectsJson().map((r) => Number(r.id));
}

const text = (type: string, filter?: string) => ({ name: { filterType: 'text', type, filter } });
const num = (type: string, filter?: number, filterTo?: number) => ({
  flow: { filterType: 'number', type, filter, filterTo },
});

describe('compileFilterModel: text filters (case-insensitive, any column as text)', () => {
  it.each([
    ['contains', 'rh', [1, 2]],
    ['notContains', 'rh', [3, 4, 5, 6]],
    ['equals', 'DANUBE', [3]],
    ['notEqual', 'danube', [1, 2, 4, 5, 6]],
    ['startsWith', 'R', [1, 2]],
    ['endsWith', 'UBE', [3]],
    ['blank', undefined, [4, 5]],
    ['notBlank', undefined, [1, 2, 3, 6]],
  ])('%s %s', async (type, filter, expected) => {
    expect(await ids(text(type, filter))).toEqual(expected);
  });

  it('filters a number column by its text', async () => {
    expect(await ids({ id: { filterType: 'text', type: 'equals', filter: '3' } })).toEqual([3]);
  });
});

describe('compileFilterModel: number filters', () => {
  it.each([
    ['equals', 3, undefined, [2]],
    ['notEqual', 3, undefined, [1, 3, 4, 5, 6]],
    ['lessThan', 3, undefined, [5, 6]],
    ['lessThanOrEqual', 3, undefined, [2, 5, 6]],
    ['greaterThan', 3, undefined, [1, 4]],
    ['greaterThanOrEqual', 3, undefined, [1, 2, 4]],
    ['inRange', 0, 7.25, [2, 4, 6]],
    ['blank', undefined, undefined, [3]],
    ['notBlank', undefined, undefined, [1, 2, 4, 5, 6]],
  ])('%s %s %s', async (type, filter, filterTo, expected) => {
    expect(await ids(num(type, filter, filterTo))).toEqual(expected);
  });

  it('accepts a number sent as a string', async () => {
    expect(await ids({ id: { filterType: 'number', type: 'equals', filter: '4' } })).toEqual([4]);
  });
});

describe('compileFilterModel: date filters (by day)', () => {
  const date = (col: string, type: string, dateFrom?: string, dateTo?: string) => ({
    [col]: { filterType: 'date', type, dateFrom, dateTo },
  });
  it.each([
    ['day', 'equals', '2020-01-01 00:00:00', undefined, [1, 6]],
    ['day', 'notEqual', '2020-01-01', undefined, [2, 3, 4, 5]],
    ['day', 'lessThan', '2020-01-01', undefined, [5]],
    ['day', 'lessThanOrEqual', '2020-01-01', undefined, [1, 5, 6]],
    ['day', 'greaterThan', '2020-01-01', undefined, [2, 3]],
    ['day', 'greaterThanOrEqual', '2020-06-15', undefined, [2, 3]],
    ['day', 'inRange', '2020-01-01', '2020-12-31', [1, 2, 6]],
    ['day', 'blank', undefined, undefined, [4]],
    ['day', 'notBlank', undefined, undefined, [1, 2, 3, 5, 6]],
    ['ts', 'equals', '2020-06-15', undefined, [2]],
    ['ts', 'greaterThan', '2020-01-01', undefined, [2, 4]],
  ])('%s %s %s', async (col, type, from, to, expected) => {
    expect(await ids(date(col, type, from, to))).toEqual(expected);
  });

  it('reads the advanced model date operands (filter / filterTo)', async () => {
    const model = {
      filterType: 'date',
      colId: 'day',
      type: 'inRange',
      filter: '2020-01-01',
      filterTo: '2020-06-15',
    };
    expect(await ids(model)).toEqual([1, 2, 6]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() =>
      compileFilterModel(date('day', 'equals', '2020-02-30'), schema, () => '$1'),
    ).toThrow(/not a calendar date/);
  });
});

describe('compileFilterModel: set filters', () => {
  it('keeps rows whose text is listed, null matching blanks', async () => {
    expect(await ids({ name: { filterType: 'set', values: ['Rhine', null] } })).toEqual([1, 5]);
  });

  it('matches numbers and booleans by their text', async () => {
    expect(await ids({ id: { filterType: 'set', values: ['2', '4'] } })).toEqual([2, 4]);
    expect(await ids({ ok: { filterType: 'set', values: ['true'] } })).toEqual([1, 4, 6]);
  });

  it('an empty list keeps nothing', async () => {
    expect(await ids({ name: { filterType: 'set', values: [] } })).toEqual([]);
  });
});

describe('compileFilterModel: combined conditions and several columns', () => {
  it('joins two conditions with OR', async () => {
    const model = {
      name: {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { type: 'startsWith', filter: 'rh' },
          { type: 'equals', filter: 'danube' },
        ],
      },
    };
    expect(await ids(model)).toEqual([1, 2, 3]);
  });

  it('joins legacy condition1/condition2 with AND', async () => {
    const model = {
      flow: {
        filterType: 'number',
        operator: 'AND',
        condition1: { type: 'greaterThan', filter: 0 },
        condition2: { type: 'lessThan', filter: 10 },
      },
    };
    expect(await ids(model)).toEqual([2, 4]);
  });

  it('ANDs the filters of several columns, and multi filters', async () => {
    const model = {
      ...num('greaterThanOrEqual', 0),
      name: {
        filterType: 'multi',
        filterModels: [null, { filterType: 'set', values: ['Rhine', ''] }],
      },
    };
    expect(await ids(model)).toEqual([1, 4]);
  });

  it('answers TRUE for an empty model', () => {
    expect(compileFilterModel({}, schema, () => '$1')).toBe('TRUE');
    expect(compileFilterModel(null, schema, () => '$1')).toBe('TRUE');
  });
});

describe('compileFilterModel: advanced filter model', () => {
  it('compiles nested AND/OR with boolean leaves', async () => {
    const model = {
      filterType: 'join',
      type: 'OR',
      conditions: [
        {
          filterType: 'join',
          type: 'AND',
          conditions: [
            { filterType: 'boolean', colId: 'ok', type: 'true' },
            { filterType: 'number', colId: 'flow', type: 'greaterThan', filter: 5 },
          ],
        },
        { filterType: 'text', colId: 'name', type: 'equals', filter: 'danube' },
      ],
    };
    expect(await ids(model)).toEqual([1, 3, 4]);
  });

  it('refuses nesting deeper than the limit', () => {
    let model: unknown = { filterType: 'boolean', colId: 'ok', type: 'true' };
    for (let i = 0; i < 12; i += 1)
      model = { filterType: 'join', type: 'AND', conditions: [model] };
    expect(() => compileFilterModel(model, schema, () => '$1')).toThrow(/nesting/);
  });
});

describe('compileFilterModel: injection and misuse', () => {
  const hostile = [
    "'; DROP TABLE t; --",
    "it's; DROP",
    "x') OR 1=1 --",
    "read_csv('/etc/passwd')",
    "COPY t TO '/tmp/x'",
    "ATTACH '/tmp/x.db'",
    '/* comment */',
  ];

  it.each(hostile)('treats %s in a value as plain text', async (value) => {
    const expected = value === "it's; DROP" ? [6] : [];
    expect(await ids(text('equals', value))).toEqual(expected);
  });

  it.each([
    'name"; DROP TABLE t; --',
    'name) OR (1=1',
    'ｎａｍｅ',
    'name\u200b',
    '__hydroml_rid',
    "read_csv('/etc/passwd')",
  ])('refuses the column %s, which is not in the schema', (column) => {
    const model = { [column]: { filterType: 'text', type: 'equals', filter: 'x' } };
    expect(() => compileFilterModel(model, schema, () => '$1')).toThrow(StepError);
    expect(() => compileFilterModel(model, schema, () => '$1')).toThrow(/does not exist/);
  });

  it.each([
    [{ name: { filterType: 'number', type: 'equals', filter: 1 } }, /numeric column/],
    [{ flow: { filterType: 'number', type: 'equals', filter: '1; DROP' } }, /finite number/],
    [{ flow: { filterType: 'number', type: 'like', filter: 1 } }, /unknown filter type/],
    [{ name: { filterType: 'text', type: 'regex', filter: 'a' } }, /unknown text filter type/],
    [{ name: { filterType: 'sql', type: 'equals', filter: 'a' } }, /unknown filterType/],
    [{ day: { filterType: 'date', type: 'equals', dateFrom: "2020-01-01'; --" } }, /YYYY-MM-DD/],
    [
      { name: { filterType: 'text', operator: 'XOR', conditions: [{ type: 'blank' }] } },
      /AND or OR/,
    ],
    [{ name: { filterType: 'set', values: 'a' } }, /must be a list/],
    [{ name: 'x' }, /must be an object/],
  ])('refuses %j', (model, message) => {
    expect(() => compileFilterModel(model, schema, () => '$1')).toThrow(message);
  });

  it('names the filterModel field in the error details', () => {
    const attempt = () =>
      compileFilterModel(
        { nope: { filterType: 'text', type: 'equals', filter: 'x' } },
        schema,
        () => '$1',
      );
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'invalid_argument', details: { field: 'filterModel' } }),
    );
  });
});
