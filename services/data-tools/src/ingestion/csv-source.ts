import type { DuckDBConnection } from '@duckdb/node-api';
import type { IngestDetection, IngestOptionsDto } from '@hydroml/contracts';
import { readError, sqlString } from '../engine/duck-engine.js';
import { duckTypeOf, renamedColumnWarnings } from './domain/column-types.js';
import { decodeSample, headerCells } from './domain/header-line.js';
import { detectEncoding } from './domain/sniff.js';

export interface CsvPlan {
  /** A `read_csv(...)` expression with every choice spelled out. */
  source: string;
  detection: IngestDetection;
  warnings: string[];
}

interface SniffRow {
  Delimiter: string;
  Quote: string;
  HasHeader: boolean;
  DateFormat: string | null;
}

// Lines up to 16 MiB (a 10 MB single line reads); the buffer default would be 16x that.
const LIMITS = 'max_line_size=16777216, buffer_size=16777216';

/** Sniffs delimiter, quote, header and encoding, and works out the column names to report. */
export async function planCsv(
  connection: DuckDBConnection,
  path: string,
  sample: Uint8Array,
  options: IngestOptionsDto,
): Promise<CsvPlan> {
  const encoding = options.encoding ?? detectEncoding(sample);
  const base = `${sqlString(path)}, encoding=${sqlString(encoding)}, ${LIMITS}`;
  const delimiterOption = options.delimiter ? `, delim=${sqlString(options.delimiter)}` : '';
  const sniff = await connection
    .runAndReadAll(`SELECT * FROM sniff_csv(${base}${delimiterOption}, null_padding=true)`)
    .catch((error: unknown) => Promise.reject(readError('could not read the file as CSV', error)));
  const row = sniff.getRowObjectsJson()[0] as unknown as SniffRow;
  const delimiter = options.delimiter ?? row.Delimiter;
  const quote = row.Quote === '(empty)' ? '"' : row.Quote;
  const header = row.HasHeader || countLines(sample) <= 1;
  const common = `${base}, delim=${sqlString(delimiter)}, quote=${sqlString(quote)}, header=${header}`;
  const types = typesOption(options.types);
  const rawHeader = headerCells(decodeSample(sample, encoding), delimiter, quote);
  const warnings = header && rawHeader ? await headerWarnings(connection, common, rawHeader) : [];
  return {
    // Null padding: rows with fewer fields are padded and extra fields land in extra columns,
    // where a strict read could skip such rows without a word.
    source: `read_csv(${common}${types}, null_padding=true)`,
    detection: { format: 'csv', encoding, delimiter, quote, header, dateFormat: row.DateFormat },
    warnings,
  };
}

async function headerWarnings(
  connection: DuckDBConnection,
  common: string,
  rawHeader: Array<string | null>,
): Promise<string[]> {
  const named = await connection.runAndReadAll(
    `SELECT * FROM read_csv(${common}, all_varchar=true, null_padding=true) LIMIT 0`,
  );
  const names = named.columnNames();
  const warnings = renamedColumnWarnings(rawHeader, names);
  const headerCells = rawHeader.findLastIndex((cell) => cell !== null) + 1;
  if (names.length > headerCells) {
    warnings.push(
      `some rows have more fields than the header (${names.length} > ${headerCells}): the extra fields were kept in extra columns`,
    );
  }
  return warnings;
}

function typesOption(types: IngestOptionsDto['types']): string {
  if (!types || Object.keys(types).length === 0) return '';
  const entries = Object.entries(types).map(
    ([name, type]) => `${sqlString(name)}: ${sqlString(duckTypeOf(type))}`,
  );
  return `, types={${entries.join(', ')}}`;
}

function countLines(sample: Uint8Array): number {
  const text = Buffer.from(sample)
    .toString('latin1')
    .replace(/\r?\n$/, '');
  return text.length === 0 ? 0 : text.split('\n').length;
}
