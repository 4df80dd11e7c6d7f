import { open, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DomainError,
  type ColumnSchema,
  type ColumnStats,
  type IngestDetection,
  type IngestOptionsDto,
} from '@hydroml/contracts';
import { readError, sqlString } from '../engine/duck-engine.js';
import { planCsv } from './csv-source.js';
import { columnTypeOf } from './domain/column-types.js';
import { detectFormat } from './domain/sniff.js';
import { textWarnings } from './text-warnings.js';
import { xlsxToCsv } from './xlsx-to-csv.js';

export interface IngestOutcome {
  rows: number;
  schema: ColumnSchema[];
  stats: ColumnStats[];
  detection: IngestDetection;
  warnings: string[];
}

const SAMPLE_BYTES = 64 * 1024;

/** Reads `input` faithfully (nothing dropped, nothing "cleaned") into a zstd Parquet file. */
export async function ingestFile(
  connection: DuckDBConnection,
  input: { path: string; fileName: string; options: IngestOptionsDto },
  output: string,
): Promise<IngestOutcome> {
  const sample = await readSample(input.path);
  if (sample.length === 0) throw new DomainError('invalid_argument', 'the file is empty');
  const format = formatOf(input.options, input.fileName, sample);
  let detection: IngestDetection = { format };
  let warnings: string[] = [];
  if (format === 'csv' || format === 'xlsx') {
    const csv = format === 'xlsx' ? `${output}.sheet.csv` : input.path;
    const sheet = format === 'xlsx' ? await sheetToCsv(input, csv) : undefined;
    const options = format === 'xlsx' ? { ...input.options, delimiter: ',' } : input.options;
    const plan = await planCsv(connection, csv, await readSample(csv), options);
    detection = sheet ? { format, sheet, header: plan.detection.header } : plan.detection;
    warnings = plan.warnings;
    await copyToParquet(connection, plan.source, output).catch((error: unknown) =>
      Promise.reject(readError('could not read the file as CSV', error)),
    );
  } else {
    const reader = format === 'json' ? 'read_json_auto' : 'read_parquet';
    await copyToParquet(connection, `${reader}(${sqlString(input.path)})`, output).catch(
      (error: unknown) => Promise.reject(readError(`could not read the file as ${format}`, error)),
    );
  }
  const schema = await describe(connection, output);
  if (schema.length === 0) throw new DomainError('invalid_argument', 'the file has no columns');
  warnings.push(...(await textWarnings(connection, output, schema)));
  const { rows, stats } = await summarize(connection, output, schema);
  return { rows, schema, stats, detection, warnings };
}

async function sheetToCsv(
  input: { path: string; options: IngestOptionsDto },
  csv: string,
): Promise<string> {
  // A workbook's cells may not expand past 40x its compressed size (typical is 4-10x).
  const maxBytes = Math.max(64 * 1024 ** 2, 40 * (await stat(input.path)).size);
  const { sheet } = await xlsxToCsv(input.path, csv, input.options.sheet, { maxBytes });
  const size = (await stat(csv)).size;
  if (size === 0) throw new DomainError('invalid_argument', `sheet ${sheet} is empty`);
  return sheet;
}

function formatOf(options: IngestOptionsDto, fileName: string, sample: Uint8Array) {
  if (!options.format) return detectFormat(fileName, sample);
  if (options.format === 'parquet' || options.format === 'xlsx') return options.format;
  return options.format === 'json' || options.format === 'ndjson' ? 'json' : 'csv';
}

async function copyToParquet(connection: DuckDBConnection, source: string, output: string) {
  await connection.run(
    `COPY (SELECT * FROM ${source}) TO ${sqlString(output)} (FORMAT parquet, COMPRESSION zstd)`,
  );
}

export async function describe(
  connection: DuckDBConnection,
  path: string,
): Promise<ColumnSchema[]> {
  const result = await connection.runAndReadAll(
    `DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`,
  );
  return result.getRowObjectsJson().map((row) => ({
    name: text(row.column_name) ?? '',
    type: columnTypeOf(text(row.column_type) ?? ''),
    sourceType: text(row.column_type) ?? '',
  }));
}

/**
 * Per-column null counts and min/max from the Parquet file's own row-group statistics: no scan of
 * the data. Numbers are compared as numbers, other values as text (ISO dates sort as text).
 */
export async function summarize(
  connection: DuckDBConnection,
  path: string,
  schema: ColumnSchema[],
) {
  const source = sqlString(path);
  const total = await connection.runAndReadAll(
    `SELECT coalesce(sum(num_rows), 0)::DOUBLE AS n FROM parquet_file_metadata(${source})`,
  );
  const rows = Number(total.getRowObjectsJson()[0].n);
  const meta = await connection.runAndReadAll(
    `SELECT path_in_schema AS name, sum(stats_null_count)::DOUBLE AS nulls,
       min(stats_min_value) AS lo, max(stats_max_value) AS hi,
       min(TRY_CAST(stats_min_value AS HUGEINT))::VARCHAR AS ilo,
       max(TRY_CAST(stats_max_value AS HUGEINT))::VARCHAR AS ihi,
       min(TRY_CAST(stats_min_value AS DOUBLE))::VARCHAR AS flo,
       max(TRY_CAST(stats_max_value AS DOUBLE))::VARCHAR AS fhi
     FROM parquet_metadata(${source}) GROUP BY path_in_schema`,
  );
  const byName = new Map(meta.getRowObjectsJson().map((row) => [text(row.name), row]));
  const stats: ColumnStats[] = schema.map((column) => {
    const row = byName.get(column.name);
    const [lo, hi] =
      column.type === 'integer'
        ? ['ilo', 'ihi']
        : column.type === 'float'
          ? ['flo', 'fhi']
          : ['lo', 'hi'];
    return {
      name: column.name,
      nulls: row && row.nulls !== null ? Number(row.nulls) : null,
      min: row ? text(row[lo]) : null,
      max: row ? text(row[hi]) : null,
    };
  });
  return { rows, stats };
}

/** A scalar JSON value from DuckDB as text (null stays null). */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function readSample(path: string): Promise<Uint8Array> {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}
