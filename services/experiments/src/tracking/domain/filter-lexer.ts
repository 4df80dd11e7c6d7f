import { DomainError } from '@hydroml/contracts';

export type Token =
  | { kind: 'ident'; prefix: string | null; key: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' };

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const UNQUOTED_KEY = /^[^\s=!<>(),'"`]+/;
const OPERATORS = ['<=', '>=', '!=', '<>', '=', '<', '>'];
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS', 'NULL']);

export function invalid(message: string): DomainError {
  return new DomainError('invalid_argument', message);
}

/** Reads a quoted string at `start` (SQL-style: a doubled quote is one quote). */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
    i += 1;
  }
  throw invalid(`Invalid filter: unterminated string starting at position ${start}`);
}

function readIdentifierKey(text: string, start: number): { key: string; end: number } {
  const ch = text[start];
  if (ch === '"' || ch === '`') {
    const { value, end } = readQuoted(text, start);
    return { key: value, end };
  }
  const match = UNQUOTED_KEY.exec(text.slice(start));
  if (!match) throw invalid(`Invalid filter: missing key after '.' at position ${start}`);
  return { key: match[0], end: start + match[0].length };
}

function readWord(text: string, i: number): { token: Token; end: number } {
  const word = WORD.exec(text.slice(i))![0];
  const end = i + word.length;
  if (text[end] === '.') {
    const { key, end: keyEnd } = readIdentifierKey(text, end + 1);
    return { token: { kind: 'ident', prefix: word.toLowerCase(), key }, end: keyEnd };
  }
  if (KEYWORDS.has(word.toUpperCase())) {
    return { token: { kind: 'word', value: word.toUpperCase() }, end };
  }
  return { token: { kind: 'ident', prefix: null, key: word }, end };
}

function readToken(text: string, i: number): { token: Token; end: number } {
  const ch = text[i];
  if (ch === "'" || ch === '"') {
    const { value, end } = readQuoted(text, i);
    return { token: { kind: 'string', value }, end };
  }
  if (ch === '(' || ch === ')' || ch === ',')
    return { token: { kind: 'punct', value: ch }, end: i + 1 };
  const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
  if (op) return { token: { kind: 'op', value: op === '<>' ? '!=' : op }, end: i + op.length };
  const number = NUMBER.exec(text.slice(i));
  if (number)
    return { token: { kind: 'number', value: Number(number[0]) }, end: i + number[0].length };
  if (WORD.test(text.slice(i))) return readWord(text, i);
  throw invalid(`Invalid filter: unexpected character '${ch}' at position ${i}`);
}

/** Splits an MLflow search filter into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i += 1;
      continue;
    }
    const { token, end } = readToken(text, i);
    tokens.push(token);
    i = end;
  }
  return tokens;
}
