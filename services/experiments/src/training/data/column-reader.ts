import type { DuckDBConnection } from '@duckdb/node-api';

/** How a selected column is read: DOUBLE into a Float64Array (NULL -> NaN), VARCHAR as strings. */
export type ColumnKind = 'number' | 'text';

export type ReadColumn = Float64Array | Array<string | null>;

export function asNumbers(column: ReadColumn): Float64Array {
  if (!(column instanceof Float64Array)) throw new Error('expected a numeric column');
  return column;
}

export function asTexts(column: ReadColumn): Array<string | null> {
  if (column instanceof Float64Array) throw new Error('expected a text column');
  return column;
}

/**
 * Runs `sql` and reads its result column by column straight from DuckDB's vectors (no JS value per
 * cell for numbers): `kinds[j]` says how column j is read.
 */
export async function readColumns(
  connection: DuckDBConnection,
  sql: string,
  binds: Parameters<DuckDBConnection['run']>[1],
  kinds: readonly ColumnKind[],
): Promise<ReadColumn[]> {
  const result = await connection.run(sql, binds);
  const n = result.rowCount;
  const out = kinds.map((k): ReadColumn => (k === 'number' ? new Float64Array(n) : new Array(n)));
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const m = chunk.rowCount;
    out.forEach((target, j) => {
      const vector = chunk.getColumnVector(j);
      if (target instanceof Float64Array) {
        for (let i = 0; i < m; i++) {
          const v = vector.getItem(i);
          target[offset + i] = typeof v === 'number' ? v : NaN;
        }
      } else {
        for (let i = 0; i < m; i++) {
          const v = vector.getItem(i);
          target[offset + i] = v === null ? null : String(v);
        }
      }
    });
    offset += m;
  }
  return out;
}
