import type { ColumnSchema } from '@hydroml/contracts';
import type { SqlValue } from '../core/types.js';
import { FormulaCompiler } from './compile-formula.js';
import { parseFormula } from './parser.js';

const schema: ColumnSchema[] = [
  { name: 'flow', type: 'float', sourceType: 'DOUBLE' },
  { name: 'site', type: 'string', sourceType: 'VARCHAR' },
  { name: 'day', type: 'date', sourceType: 'DATE' },
  { name: 'ok', type: 'boolean', sourceType: 'BOOLEAN' },
];

function compile(source: string) {
  const binds: SqlValue[] = [];
  const compiled = new FormulaCompiler(schema, (v) => {
    binds.push(v);
    return `$${binds.length}`;
  }).compile(parseFormula(source));
  return { ...compiled, binds };
}

describe('FormulaCompiler', () => {
  it('binds every literal and quotes schema columns', () => {
    const out = compile("if(flow > 10.5, 'high', site)");
    expect(out.sql).toBe(
      'CASE WHEN ("flow" > CAST($1 AS DOUBLE)) THEN CAST($2 AS VARCHAR) ELSE "site" END',
    );
    expect(out.binds).toEqual([10.5, 'high']);
    expect(out.type).toBe('string');
  });

  it('keeps hostile text as a bound value, never as SQL', () => {
    const out = compile("site = 'x''; DROP TABLE t; --' or site = 'read_csv(''/etc/passwd'')'");
    expect(out.sql).not.toMatch(/DROP|read_csv/);
    expect(out.binds).toEqual(["x'; DROP TABLE t; --", "read_csv('/etc/passwd')"]);
  });

  it('refuses unknown columns and functions with their position', () => {
    expect(() => compile('flow + nope')).toThrow('column "nope" does not exist at position 8');
    expect(() => compile('read_csv(site)')).toThrow('unknown function "read_csv" at position 1');
    expect(() => compile('[flow"; COPY x TO y; --]')).toThrow(
      /column "flow"; COPY x TO y; --" does not exist/,
    );
  });

  it('checks types enough to name the misuse', () => {
    expect(() => compile('site * 2')).toThrow(
      '"*" needs a number, not column "site" (text) at position 1',
    );
    expect(() => compile('flow and ok')).toThrow(/"and" needs a boolean, not column "flow"/);
    expect(() => compile('day > 3')).toThrow(
      /cannot compare column "day" \(a date\) with a number/,
    );
    expect(() => compile('round(flow, 1, 2)')).toThrow(
      'round() takes 1 to 2 arguments, not 3 at position 1',
    );
    expect(() => compile("datediff('fortnight', day, day)")).toThrow(/needs a unit in quotes/);
    expect(() => compile("matches(site, '(')")).toThrow(/invalid regular expression/);
  });

  it('reads a text literal next to a date as a date', () => {
    const out = compile("day >= '2023-01-05'");
    expect(out.sql).toBe('("day" >= TRY_CAST($1 AS DATE))');
  });
});
