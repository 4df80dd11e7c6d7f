import { FormulaError } from './formula-error.js';
import { parseFormula } from './parser.js';

function errorOf(source: string): FormulaError {
  try {
    parseFormula(source);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`"${source}" parsed`);
}

describe('parseFormula', () => {
  it('builds a tree with precedence: * before +, comparisons before and/or, ^ right-associative', () => {
    const tree = parseFormula('a + b * 2 > 3 and not c or d');
    expect(tree).toMatchObject({
      kind: 'binary',
      op: 'or',
      left: {
        kind: 'binary',
        op: 'and',
        left: {
          kind: 'binary',
          op: '>',
          left: { kind: 'binary', op: '+', right: { kind: 'binary', op: '*' } },
        },
        right: { kind: 'unary', op: 'not' },
      },
      right: { kind: 'column', name: 'd' },
    });
    expect(parseFormula('2 ^ 3 ^ 2')).toMatchObject({ op: '^', right: { op: '^' } });
    expect(parseFormula('-x ^ 2')).toMatchObject({ kind: 'unary', operand: { op: '^' } });
  });

  it('reads columns bare, in brackets or backticks, text with doubled quotes, and calls', () => {
    expect(parseFormula('[Flow Rate]')).toEqual({ kind: 'column', name: 'Flow Rate', at: 0 });
    expect(parseFormula('`a b`')).toMatchObject({ kind: 'column', name: 'a b' });
    expect(parseFormula("'it''s'")).toMatchObject({ kind: 'string', value: "it's" });
    expect(parseFormula('IF(x > 1, "a", null)')).toMatchObject({
      kind: 'call',
      name: 'if',
      args: [{ kind: 'binary' }, { kind: 'string', value: 'a' }, { kind: 'null' }],
    });
    expect(parseFormula('x not in (1, 2)')).toMatchObject({ kind: 'in', negated: true });
    expect(parseFormula('x is not null')).toMatchObject({ kind: 'is_null', negated: true });
    expect(parseFormula('case when x > 1 then 1 when x > 0 then 0 else -1 end')).toMatchObject({
      kind: 'case',
      branches: [{}, {}],
      otherwise: { kind: 'unary' },
    });
  });

  it('reports syntax errors with their 1-based position', () => {
    expect(errorOf('a + * b').position).toBe(5);
    expect(errorOf('a + * b').message).toBe('unexpected "*" at position 5');
    expect(errorOf('(a + b').message).toBe(
      'expected ")" but found the end of the formula at position 7',
    );
    expect(errorOf("'open").message).toBe('unterminated text at position 1');
    expect(errorOf('a ; b').message).toBe('unexpected character ";" at position 3');
    expect(errorOf('case when a then 1').message).toMatch(/expected "end"/);
    expect(errorOf('1.2.3').message).toBe('unexpected ".3" at position 4');
    expect(errorOf('').message).toBe('the formula is empty at position 1');
    expect(errorOf('f(1,)').position).toBe(5);
    expect(errorOf('a b').message).toBe('unexpected "b" at position 3');
  });

  it('refuses SQL smuggled in as syntax (comments, statements, look-alike quotes)', () => {
    // "--" is two minus signs here, so a SQL comment can only become arithmetic on a column.
    expect(parseFormula('a -- b')).toMatchObject({ op: '-', right: { kind: 'unary', op: '-' } });
    expect(() => parseFormula("a'; DROP TABLE t; --")).toThrow(FormulaError);
    expect(() => parseFormula('a /* x */')).toThrow(FormulaError);
    expect(() => parseFormula('read_csv(\u2018/etc/passwd\u2019)')).toThrow(/unexpected character/);
    expect(() => parseFormula('a\uFF1Bb')).toThrow(/unexpected character/);
    expect(() => parseFormula('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(
      /nested too deeply/,
    );
  });
});
