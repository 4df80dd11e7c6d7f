import { FormulaError } from './formula-error.js';

export type TokenKind = 'number' | 'string' | 'name' | 'column' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

const OPERATORS = [
  '<=',
  '>=',
  '!=',
  '<>',
  '==',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '(',
  ')',
  ',',
  '<',
  '>',
  '=',
  '!',
  '&',
];
export const MAX_FORMULA_LENGTH = 10_000;

function readQuoted(
  source: string,
  start: number,
  close: string,
  what: string,
): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === close) {
      if (source[i + 1] === close && close !== ']') {
        text += close; // a doubled quote is a literal quote
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += ch;
    i += 1;
  }
  throw new FormulaError(`unterminated ${what}`, start);
}

function readNumber(source: string, start: number): { text: string; end: number } {
  const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(start));
  if (!match) throw new FormulaError('malformed number', start);
  const end = start + match[0].length;
  if (/[A-Za-z_]/.test(source[end] ?? '')) throw new FormulaError('malformed number', start);
  return { text: match[0], end };
}

/** Splits a formula into tokens; anything outside the language is an error with its position. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      `a formula has at most ${MAX_FORMULA_LENGTH} characters`,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (/[0-9.]/.test(ch)) {
      const { text, end } = readNumber(source, i);
      tokens.push({ kind: 'number', text, at: i });
      i = end;
    } else if (ch === "'" || ch === '"') {
      const { text, end } = readQuoted(source, i, ch, 'text');
      tokens.push({ kind: 'string', text, at: i });
      i = end;
    } else if (ch === '[' || ch === '`') {
      const { text, end } = readQuoted(source, i, ch === '[' ? ']' : '`', 'column name');
      tokens.push({ kind: 'column', text, at: i });
      i = end;
    } else if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'name', text, at: i });
      i += text.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new FormulaError(`unexpected character "${ch}"`, i);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', at: source.length });
  return tokens;
}
