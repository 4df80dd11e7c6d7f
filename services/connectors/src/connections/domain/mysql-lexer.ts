/**
 * MySQL and MariaDB execute text that the SQL parser reads as a comment: `/*! ... *\/`,
 * `/*!50000 ... *\/` (versioned) and MariaDB's `/*M! ... *\/`; MySQL 8 reads `/*+ ... *\/` as
 * optimizer hints (SET_VAR changes session variables). And `--` starts a comment for the parser
 * but, unless a space or control character follows, is two minus signs for the server
 * (`SELECT 1 --1 INTO OUTFILE ...`). This lexer walks quotes, backticks and comments the way the
 * server does and reports the first such construct outside a string or identifier.
 *
 * Where servers can lex differently (sql_mode NO_BACKSLASH_ESCAPES, a line comment ending at CR),
 * every reading is tried and any finding counts, so the check fails closed.
 */
interface Mode {
  backslashEscapes: boolean;
  lineEndsAtCr: boolean;
}

const MODES: Mode[] = [
  { backslashEscapes: true, lineEndsAtCr: false },
  { backslashEscapes: true, lineEndsAtCr: true },
  { backslashEscapes: false, lineEndsAtCr: false },
  { backslashEscapes: false, lineEndsAtCr: true },
];

/** The index after a quoted string or identifier that opens at `start`. */
function endOfQuoted(sql: string, start: number, escapes: boolean): number {
  const quote = sql[start];
  for (let i = start + 1; i < sql.length; i += 1) {
    const c = sql[i];
    if (escapes && c === '\\' && quote !== '`') i += 1;
    else if (c === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 1;
    }
  }
  return sql.length;
}

function endOfLine(sql: string, start: number, mode: Mode): number {
  for (let i = start; i < sql.length; i += 1) {
    if (sql[i] === '\n' || (mode.lineEndsAtCr && sql[i] === '\r')) return i + 1;
  }
  return sql.length;
}

/** A `--` the server reads as a comment: followed by whitespace, a control character or the end. */
function isDashComment(sql: string, i: number): boolean {
  return i + 2 >= sql.length || sql.charCodeAt(i + 2) <= 32;
}

/** What makes the comment at `i` (just after `/*`) executable, or null for a plain comment. */
function executableMarker(sql: string, i: number): string | null {
  if (sql[i] === '!') return '/*!';
  if ((sql[i] === 'M' || sql[i] === 'm') && sql[i + 1] === '!') return '/*M!';
  if (sql[i] === '+') return '/*+';
  return null;
}

function scan(sql: string, mode: Mode): string | null {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') i = endOfQuoted(sql, i, mode.backslashEscapes);
    else if (c === '#') i = endOfLine(sql, i + 1, mode);
    else if (c === '-' && next === '-') {
      if (!isDashComment(sql, i))
        return "'--' must be followed by a space (the server reads --1 as minus minus 1)";
      i = endOfLine(sql, i + 2, mode);
    } else if (c === '/' && next === '*') {
      const marker = executableMarker(sql, i + 2);
      if (marker) return `${marker} ... */ comments are run by the server and not allowed`;
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else i += 1;
  }
  return null;
}

/**
 * The first construct MySQL/MariaDB would execute or read differently from the SQL parser
 * (executable comments, optimizer hints, `--` without a space), or null when there is none.
 */
export function mysqlHiddenCode(sql: string): string | null {
  for (const mode of MODES) {
    const found = scan(sql, mode);
    if (found) return found;
  }
  return null;
}
