import type { SqlValue } from '../../../core/types.js';
import { ident } from '../../../core/sql.js';
import type { CompileContext, Relation } from '../../../core/types.js';
import { RID } from '../shared.js';

/**
 * `SELECT` of the input plus `value` looked up by the text of `column` in a table of bound
 * (key, value) pairs; keys not in the table (unseen categories) get `fallback`. Replaces the column
 * in place when `as` equals it. The row id is kept (one match at most per row).
 */
export function lookupSelect(
  input: Relation,
  column: string,
  as: string,
  entries: ReadonlyArray<[string, SqlValue]>,
  fallback: SqlValue,
  ctx: CompileContext,
  valueType: 'DOUBLE' | 'INTEGER',
): string {
  const rows = entries.map(([k, v]) => `(${ctx.bind(k)}::VARCHAR, ${ctx.bind(v)}::${valueType})`);
  const table =
    rows.length > 0
      ? `(VALUES ${rows.join(', ')}) AS __lookup(k, v)`
      : `(SELECT NULL::VARCHAR AS k, NULL::${valueType} AS v LIMIT 0) AS __lookup`;
  const value = `CASE WHEN __in.${ident(column)} IS NULL THEN NULL ELSE coalesce(__lookup.v, ${ctx.bind(fallback)}::${valueType}) END`;
  const items = input.schema.map((c) =>
    c.name === as ? `${value} AS ${ident(as)}` : `__in.${ident(c.name)}`,
  );
  if (!input.schema.some((c) => c.name === as)) items.push(`${value} AS ${ident(as)}`);
  items.push(`__in.${RID}`);
  return `SELECT ${items.join(', ')} FROM ${ident(input.name)} AS __in LEFT JOIN ${table} ON CAST(__in.${ident(column)} AS VARCHAR) = __lookup.k`;
}
