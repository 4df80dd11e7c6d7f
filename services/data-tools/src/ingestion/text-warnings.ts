import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { sqlIdent, sqlString } from '../engine/duck-engine.js';
import { mixedColumnWarning } from './domain/column-types.js';

const SAMPLE_ROWS = 20_000;
const MAX_COLUMNS = 500;

/**
 * Text columns that are mostly numbers: report the values kept as text. A first look at the
 * leading rows (one row group, cheap) picks the columns worth a full pass: those where at least a
 * tenth of the sampled values are numbers. Plain text columns (names, ids, hashes) never pay for
 * a second scan of the data.
 */
export async function textWarnings(
  connection: DuckDBConnection,
  path: string,
  schema: ColumnSchema[],
): Promise<string[]> {
  const text = schema.filter((c) => c.type === 'string').slice(0, MAX_COLUMNS);
  if (text.length === 0) return [];
  const candidates = await numericLooking(connection, path, text);
  if (candidates.length === 0) return [];
  const parts = candidates.map((c, i) => {
    const col = sqlIdent(c.name);
    const bad = `${col} IS NOT NULL AND TRY_CAST(${col} AS DOUBLE) IS NULL`;
    return `count(${col}) AS n${i}, count(TRY_CAST(${col} AS DOUBLE)) AS k${i}, (list(DISTINCT ${col}) FILTER (WHERE ${bad}))[1:3] AS s${i}`;
  });
  const result = await connection.runAndReadAll(
    `SELECT ${parts.join(', ')} FROM read_parquet(${sqlString(path)})`,
  );
  const row = result.getRowObjectsJson()[0];
  return candidates
    .map((c, i) =>
      mixedColumnWarning(
        c.name,
        Number(row[`n${i}`]),
        Number(row[`k${i}`]),
        ((row[`s${i}`] as string[] | null) ?? []).map(String),
      ),
    )
    .filter((w): w is string => w !== null);
}

async function numericLooking(
  connection: DuckDBConnection,
  path: string,
  text: ColumnSchema[],
): Promise<ColumnSchema[]> {
  const parts = text.map((c, i) => {
    const col = sqlIdent(c.name);
    return `count(${col}) AS n${i}, count(TRY_CAST(${col} AS DOUBLE)) AS k${i}`;
  });
  const columns = text.map((c) => sqlIdent(c.name)).join(', ');
  const result = await connection.runAndReadAll(
    `SELECT ${parts.join(', ')} FROM (SELECT ${columns} FROM read_parquet(${sqlString(path)}) LIMIT ${SAMPLE_ROWS})`,
  );
  const row = result.getRowObjectsJson()[0];
  return text.filter((_c, i) => {
    const numeric = Number(row[`k${i}`]);
    return numeric > 0 && numeric * 10 >= Number(row[`n${i}`]);
  });
}
