import { datasetType, ndjsonValue } from './type-mapping.js';

describe('import type mapping', () => {
  it('maps PostgreSQL and MySQL types onto dataset types', () => {
    const cases: Array<[string, string]> = [
      ['integer', 'integer'],
      ['bigint', 'integer'],
      ['longlong', 'integer'],
      ['double precision', 'float'],
      ['numeric(10,2)', 'float'],
      ['newdecimal', 'float'],
      ['boolean', 'boolean'],
      ['date', 'date'],
      ['timestamp with time zone', 'timestamp'],
      ['datetime', 'timestamp'],
      ['jsonb', 'string'],
      ['integer[]', 'string'],
      ['uuid', 'string'],
      ['bytea', 'string'],
    ];
    for (const [source, expected] of cases)
      expect([source, datasetType(source)]).toEqual([source, expected]);
  });

  it('writes values the declared type reads back', () => {
    expect(ndjsonValue('812.50', 'float')).toBe(812.5);
    expect(ndjsonValue('9007199254740993', 'integer')).toBe('9007199254740993');
    expect(ndjsonValue('42', 'integer')).toBe(42);
    expect(ndjsonValue({ a: 1 }, 'string')).toBe('{"a":1}');
    expect(ndjsonValue(1, 'boolean')).toBe(true);
    expect(ndjsonValue(null, 'float')).toBeNull();
  });
});
