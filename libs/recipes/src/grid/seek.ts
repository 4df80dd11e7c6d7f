import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import type { SqlValue } from '../core/types.js';
import type { Binder } from './filter-values.js';
import type { SortKey } from './sort-model.js';

/**
 * Where a page may start by key instead of by OFFSET: the sort-key values (and row id, last) of
 * the row just before position `row`. Rows at `row` and after are those ordered after it.
 */
export interface SeekAnchor {
  row: number;
  values: SqlValue[];
}

const SAFE_TYPE = /^[A-Za-z][A-Za-z0-9_ (),]*$/;

/**
 * The column's DuckDB type, to cast a value from the client to (values travel as JSON, so BIGINT
 * arrives as text); undefined when the type name is not safe to write into SQL.
 */
export function castableType(column: ColumnSchema | undefined): string | undefined {
  const type = column?.sourceType;
  return type !== undefined && SAFE_TYPE.test(type) ? type : undefined;
}

/** The DuckDB type to cast an anchor value to. */
export function castType(key: SortKey): string | undefined {
  return castableType(key.column);
}

/** True when every sort key can be compared with a bound value (no lists, structs, aliases). */
export function canSeek(keys: readonly SortKey[]): boolean {
  return keys.every((k) => k.column !== undefined && k.column.type !== 'other' && castType(k));
}

/** "Ordered strictly after `value`" for one key, nulls last in both directions. */
function after(col: string, descending: boolean, value: string | null): string {
  if (value === null) return 'FALSE';
  return `(${col} ${descending ? '<' : '>'} ${value} OR ${col} IS NULL)`;
}

function equal(col: string, value: string | null): string {
  return value === null ? `${col} IS NULL` : `${col} = ${value}`;
}

/**
 * The predicate "row comes after the anchor" for ORDER BY `keys`, then the row id ascending:
 * `k1 after v1 OR (k1 = v1 AND k2 after v2) OR … OR (all equal AND rid > r)`.
 */
export function seekPredicate(
  keys: readonly SortKey[],
  rowIdColumn: string,
  anchor: SeekAnchor,
  bind: Binder,
): string {
  const all = [
    ...keys.map((k) => ({ col: ident(k.name), descending: k.descending, type: castType(k) })),
    { col: ident(rowIdColumn), descending: false, type: 'BIGINT' },
  ];
  const values = anchor.values.map((v, i) =>
    v === null ? null : `CAST(${bind(v)} AS ${all[i].type ?? 'VARCHAR'})`,
  );
  const terms = all.map((key, i) => {
    const prefix = all.slice(0, i).map((k, j) => equal(k.col, values[j]));
    return [...prefix, after(key.col, key.descending, values[i])].join(' AND ');
  });
  return `(${terms.map((t) => `(${t})`).join(' OR ')})`;
}
