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
  // Written row by row with exceljs (DuckDB has no built-in xlsx writer).
  xlsx: {
    ext: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    options: '',
  },
};

/** A worksheet holds 1,048,576 rows: the header and 1,048,575 data rows. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

export function assertXlsxFits(rows: number): void {
  if (rows > XLSX_MAX_DATA_ROWS) {
    throw new DomainError(
      'failed_precondition',
      `an .xlsx sheet holds at most 1,048,576 rows (header included); this export has ${rows} data rows: choose csv or parquet, or set a row limit`,
      { rows, maxRows: XLSX_MAX_DATA_ROWS },
    );
  }
}

interface ExportRequest {
  format: ExportFormat;
  columns?: string[];
  limit?: number;
}

/** The COPY statement of an export; column names come only from the version's schema. */
export function exportSql(
  source: string,
  output: string,
  schema: ColumnSchema[],
  request: ExportRequest,
): string {
  return `COPY (${selectSql(source, schema, request)}) TO ${sqlString(output)} (${EXPORT_TYPES[request.format].options})`;
}

export function selectSql(source: string, schema: ColumnSchema[], request: ExportRequest): string {
  const known = new Set(schema.map((c) => c.name));
  const unknown = (request.columns ?? []).filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new DomainError('invalid_argument', `unknown columns: ${unknown.join(', ')}`, {
      unknown,
    });
  }
  const columns = request.columns?.length ? request.columns.map(sqlIdent).join(', ') : '*';
  const limit = request.limit === undefined ? '' : ` LIMIT ${Math.floor(request.limit)}`;
  return `SELECT ${columns} FROM read_parquet(${sqlString(source)})${limit}`;
}
