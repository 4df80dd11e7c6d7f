import type { PreviewResult, SslMode, TableDetail, TableSummary } from '@hydroml/contracts';
import { queryError } from './query-errors.js';

export interface DriverConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  sslMode: SslMode;
  sslCa?: string;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  /** The limit of an import's query (stream, copyCsv), enforced by the server. */
  importTimeoutMs: number;
}

/** One database engine behind the connectors service; each call opens and closes its own session. */
export interface DatabaseDriver {
  serverVersion(): Promise<string>;
  tables(): Promise<TableSummary[]>;
  /** `schema` defaults to the connection's default schema; not_found when the table is absent. */
  describe(schema: string | undefined, table: string): Promise<TableDetail>;
  /** Runs a checked SELECT in a read-only transaction with the query timeout; at most `limit` rows. */
  preview(sql: string, limit: number): Promise<PreviewResult>;
  /** A SELECT of every column of a described table, with safely quoted identifiers. */
  selectAll(table: TableDetail): string;
  /**
   * The rows of a checked SELECT in batches, from a server-side cursor: never all in memory.
   * Like copyCsv, bounded by the import timeout.
   */
  stream(sql: string, batchRows: number): AsyncGenerator<RowBatch>;
  /** The server's own CSV export (e.g. PostgreSQL COPY), when the engine has one: much faster. */
  copyCsv?(sql: string): Promise<CsvCopy>;
}

/** A database's own CSV export of a query (header row first), streamed as the server writes it. */
export interface CsvCopy {
  /** Known once the first bytes have been read (the header row). */
  columns(): Array<{ name: string; type: string }>;
  stream: AsyncIterable<Uint8Array> & { destroy(error?: Error): void };
  /** Rows written, known once the stream has ended. */
  rowCount(): number;
}

export interface RowBatch {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
}

/** JSON-safe cell values: dates as ISO text, binary as hex, big numbers as text. */
export function toCell(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Trailing semicolons and whitespace would break wrapping the query in a sub-select. */
export function stripTerminator(sql: string): string {
  return sql.replace(/[;\s]+$/u, '');
}

type CopyStream = CsvCopy['stream'];

/** A copy's chunks with its errors as contract errors (a server-side timeout: deadline_exceeded). */
export function contractErrors(source: CopyStream, timeoutMs: number): CopyStream {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of source) yield chunk;
    } catch (error) {
      throw queryError(error, timeoutMs);
    }
  }
  return Object.assign(chunks(), { destroy: (error?: Error) => source.destroy(error) });
}
