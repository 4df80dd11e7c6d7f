import type { ConnectionType } from '@hydroml/contracts';

/** Quoting rules of one SQL engine, for SQL the service writes around a user's table or query. */
export interface Dialect {
  ident(name: string): string;
  literal(value: string): string;
  /** The type a value is cast to for reading it back as text. */
  text: string;
}

const ansiIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const DIALECTS: Record<ConnectionType, Dialect> = {
  // E'' with doubled backslashes reads the same whatever standard_conforming_strings says.
  postgresql: {
    ident: ansiIdent,
    literal: (v) => `E'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
    text: 'text',
  },
  mysql: {
    ident: (name) => `\`${name.replace(/`/g, '``')}\``,
    literal: (v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
    text: 'CHAR',
  },
  sqlite: { ident: ansiIdent, literal: (v) => `'${v.replace(/'/g, "''")}'`, text: 'TEXT' },
};

/** The rows of `sql` with `column` above `after` (when given) and at most `max`. */
export function incrementalSql(
  dialect: Dialect,
  sql: string,
  column: string,
  range: { after: string | null; max: string },
): string {
  const col = `hydroml_src.${dialect.ident(column)}`;
  const lower = range.after === null ? '' : `${col} > ${dialect.literal(range.after)} AND `;
  return `SELECT * FROM (${sql}) hydroml_src WHERE ${lower}${col} <= ${dialect.literal(range.max)}`;
}

/** The largest value of `column` in `sql`, as text. */
export function maxSql(dialect: Dialect, sql: string, column: string): string {
  return `SELECT CAST(max(hydroml_src.${dialect.ident(column)}) AS ${dialect.text}) AS hydroml_max FROM (${sql}) hydroml_src`;
}
