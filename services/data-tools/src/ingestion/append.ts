import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema, ColumnStats } from '@hydroml/contracts';
import { readError, sqlString } from '../engine/duck-engine.js';
import { describe, summarize } from './ingest-file.js';

/**
 * The rows of `base`, then those of `increment`, matched by column name (a column only one side
 * has is null on the other), as one zstd Parquet file.
 */
export async function appendTo(
  connection: DuckDBConnection,
  base: string,
  increment: string,
  output: string,
): Promise<{ rows: number; schema: ColumnSchema[]; stats: ColumnStats[] }> {
  await connection
    .run(
      `COPY (SELECT * FROM read_parquet(${sqlString(base)}) UNION ALL BY NAME SELECT * FROM read_parquet(${sqlString(increment)}))
       TO ${sqlString(output)} (FORMAT parquet, COMPRESSION zstd)`,
    )
    .catch((error: unknown) =>
      Promise.reject(readError('could not append to the latest version', error)),
    );
  const schema = await describe(connection, output);
  return { schema, ...(await summarize(connection, output, schema)) };
}
