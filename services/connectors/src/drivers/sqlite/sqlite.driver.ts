import {
  DomainError,
  type PreviewResult,
  type TableDetail,
  type TableSummary,
} from '@hydroml/contracts';
import { stripTerminator, type DatabaseDriver, type RowBatch } from '../driver.js';
import { queryError } from '../query-errors.js';
import { runInWorker, SqliteError, type WorkerTask } from './sqlite-worker.js';

const FILE_ERRORS = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN']);

/** A broken file is a connection failure; anything else the query's own fault. */
function sqliteQueryError(error: unknown, timeoutMs: number): Error {
  if (error instanceof SqliteError && FILE_ERRORS.has(error.code ?? '')) return error;
  return queryError(error, timeoutMs);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * A SQLite file, opened read-only (and `query_only`) in a worker thread per call, so a runaway
 * query is stopped at the timeout and never blocks the service.
 */
export class SqliteDriver implements DatabaseDriver {
  constructor(
    private readonly path: string,
    private readonly timeoutMs: number,
    /** Imports (stream) wait this long for each batch; the import job bounds their total. */
    private readonly importTimeoutMs = timeoutMs,
  ) {}

  async serverVersion(): Promise<string> {
    return `SQLite ${String(await this.one({ op: 'version', path: this.path }))}`;
  }

  async tables(): Promise<TableSummary[]> {
    return (await this.one({ op: 'tables', path: this.path })) as TableSummary[];
  }

  async describe(schema: string | undefined, table: string): Promise<TableDetail> {
    const columns = (await this.one({
      op: 'describe',
      path: this.path,
      table,
    })) as TableDetail['columns'];
    if (columns.length === 0) throw new DomainError('not_found', `table ${table} not found`);
    return { schema: schema ?? 'main', name: table, columns };
  }

  async preview(sql: string, limit: number): Promise<PreviewResult> {
    const task = { op: 'query' as const, path: this.path, sql: stripTerminator(sql) };
    const columns: PreviewResult['columns'] = [];
    const rows: unknown[][] = [];
    const bounded = { ...task, limit: limit + 1, batchRows: limit + 1 };
    try {
      for await (const m of runInWorker(bounded, this.timeoutMs)) {
        if (columns.length === 0 && m.columns) columns.push(...m.columns);
        rows.push(...(m.rows ?? []));
      }
    } catch (error) {
      throw sqliteQueryError(error, this.timeoutMs);
    }
    return { columns, rows: rows.slice(0, limit), truncated: rows.length > limit };
  }

  selectAll(table: TableDetail): string {
    return `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)}`;
  }

  async *stream(sql: string, batchRows: number): AsyncGenerator<RowBatch> {
    const task = { op: 'query' as const, path: this.path, sql: stripTerminator(sql), batchRows };
    try {
      for await (const m of runInWorker(task, this.importTimeoutMs)) {
        if (m.columns && (m.rows?.length || m.last))
          yield { columns: m.columns, rows: m.rows ?? [] };
      }
    } catch (error) {
      throw sqliteQueryError(error, this.importTimeoutMs);
    }
  }

  private async one(task: WorkerTask): Promise<unknown> {
    for await (const m of runInWorker(task, this.timeoutMs))
      if (m.done !== undefined) return m.done;
    return undefined;
  }
}
