import { DomainError, type ColumnSchema, type ExportFormat } from '@hydroml/contracts';
import { sqlIdent, sqlString } from '../engine/duck-engine.js';

export const EXPORT_TYPES: Record<
  ExportFormat,
  { ext: string; contentType: string; options: string }
> = {
  csv: { ext: 'csv', contentType: 'text/csv; charset=utf-8', options: 'FORMAT csv, HEADER true' },
  tsv: {
    ext: 'tsv',
    contentType: 'text/tab-separated-values; charset=utf-8',
    options: "FORMAT csv, HEADER true, DELIMITER '\t'",
  },
  json: { ext: 'json', contentType: 'application/json', options: 'FORMAT json, ARRAY true' },
  ndjson: { ext: 'ndjson', contentType: 'application/x-ndjson', options: 'FORMAT json' },
  parquet: {
    ext: 'parquet',
    contentType: 'application/vnd.apache.parquet',
    options: 'FORMAT parquet, COMPRESSION zstd',
  },
};

/** The COPY statement of an export; column names come only from the version's schema. */
export function exportSql(
  source: string,
  output: string,
  schema: ColumnSchema[],
  request: { format: ExportFormat; columns?: string[]; limit?: number },
): string {
  const known = new Set(schema.map((c) => c.name));
  const unknown = (request.columns ?? []).filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new DomainError('invalid_argument', `unknown columns: ${unknown.join(', ')}`, {
      unknown,
    });
  }
  const columns = request.columns?.length ? request.columns.map(sqlIdent).join(', ') : '*';
  const limit = request.limit === undefined ? '' : ` LIMIT ${Math.floor(request.limit)}`;
  const select = `SELECT ${columns} FROM read_parquet(${sqlString(source)})${limit}`;
  return `COPY (${select}) TO ${sqlString(output)} (${EXPORT_TYPES[request.format].options})`;
}
