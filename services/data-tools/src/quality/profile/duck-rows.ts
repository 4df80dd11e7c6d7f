import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Rows of a query as JSON values (BIGINT as text, DOUBLE infinities as "Infinity"). */
export async function queryRows(
  c: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[],
): Promise<Row[]> {
  const reader = params ? await c.runAndReadAll(sql, params) : await c.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

/** A JSON value as a number (null stays null; "Infinity", "NaN" and big integers parse). */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** A finite number or null (NaN and infinities become null: JSON cannot carry them). */
export function finite(v: unknown): number | null {
  const x = num(v);
  return x !== null && Number.isFinite(x) ? x : null;
}

export function count(v: unknown): number {
  return num(v) ?? 0;
}

export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** DuckDB `histogram()` / MAP as JSON: [{key, value}] -> [key, count] pairs. */
export function mapEntries(v: unknown): Array<[string, number]> {
  if (!Array.isArray(v)) return [];
  return v.map((e: { key: unknown; value: unknown }) => [text(e.key) ?? '', count(e.value)]);
}
