import type { SqlValue } from '@hydroml/recipes';

/** A SQL literal for one of our own bound values (typed like the bound parameter would be). */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return `CAST(${value.toString()} AS HUGEINT)`;
  if (typeof value === 'number') {
    const text = Number.isFinite(value) ? String(value) : `'${String(value)}'`;
    return `CAST(${text} AS DOUBLE)`;
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Replaces the `$n` placeholders of SQL we generated (outside quoted strings and identifiers) with
 * literals of `binds`, for a view definition, which cannot take parameters.
 */
export function inlineBinds(sql: string, binds: readonly SqlValue[]): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    const match = ch === '$' ? /^\$(\d+)/.exec(sql.slice(i, i + 12)) : null;
    if (!match) {
      out += ch;
      continue;
    }
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= binds.length) throw new Error(`placeholder ${match[0]} has no value`);
    out += sqlLiteral(binds[index]);
    i += match[0].length - 1;
  }
  return out;
}
