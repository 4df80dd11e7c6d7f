import type { SqlParams } from './sql-params.js';

/** One ORDER BY term of a run search, with the SQL type its values compare as. */
export interface OrderTerm {
  expr: string;
  dir: 'ASC' | 'DESC';
  type: 'int' | 'bigint' | 'float8' | 'text' | 'uuid';
}

/** `expr dir, …` for ORDER BY and window clauses. Every term is non-null or ranked by a term before it. */
export function orderBySql(terms: readonly OrderTerm[]): string {
  return terms.map((t) => `${t.expr} ${t.dir}`).join(', ');
}

/** The sort key of a row as text, kept in the page token to resume after it. */
export function keysetSql(terms: readonly OrderTerm[]): string {
  return `ARRAY[${terms.map((t) => `(${t.expr})::text`).join(', ')}]`;
}

/**
 * Rows strictly after `key` in the order of `terms`: (t1 after k1) OR (t1 = k1 AND t2 after k2) …
 * Equality is IS NOT DISTINCT FROM, so a null value (ranked last by the term before it) compares
 * equal to a null key and the next term decides.
 */
export function keysetPredicate(
  terms: readonly OrderTerm[],
  key: ReadonlyArray<string | null>,
  params: SqlParams,
): string {
  const values = terms.map((t, i) => `${params.add(key[i])}::${t.type}`);
  const branches = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => `(${t.expr}) IS NOT DISTINCT FROM ${values[j]}`);
    const after = `(${term.expr}) ${term.dir === 'ASC' ? '>' : '<'} ${values[i]}`;
    return `(${[...equal, after].join(' AND ')})`;
  });
  return `(${branches.join(' OR ')})`;
}
