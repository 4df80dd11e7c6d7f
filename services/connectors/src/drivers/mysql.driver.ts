import mysql, { type Connection, type FieldPacket } from 'mysql2/promise';
import mysqlCore, { type ConnectionOptions } from 'mysql2';
import {
  DomainError,
  type PreviewResult,
  type TableDetail,
  type TableSummary,
} from '@hydroml/contracts';
import {
  contractErrors,
  stripTerminator,
  toCell,
  type DatabaseDriver,
  type CsvCopy,
  type DriverConfig,
  type RowBatch,
} from './driver.js';
import { rawCsvCopy } from './mysql-copy.js';
import { queryError } from './query-errors.js';

// mysql2 is CommonJS: Node's ESM loader exposes these only through the default export.
const { createConnection: createRawConnection, Types } = mysqlCore;
const TYPE_NAMES = new Map(
  Object.entries(Types).map(([name, code]) => [Number(code), name.toLowerCase()]),
);
const SYSTEM_SCHEMAS = `('mysql', 'information_schema', 'performance_schema', 'sys')`;

function quote(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}

interface TableRow {
  schema: string;
  name: string;
  kind: string;
  estimated_rows: number | null;
}

interface ColumnRow {
  name: string;
  type: string;
  nullable: string;
  column_key: string;
}

/** MySQL and MariaDB. A MySQL "schema" is a database; the default one is the connection's. */
export class MysqlDriver implements DatabaseDriver {
  constructor(private readonly config: DriverConfig) {}

  serverVersion(): Promise<string> {
    return this.session(
      async (c) =>
        (await c.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v'))[0][0].v as string,
    );
  }

  tables(): Promise<TableSummary[]> {
    return this.session(async (c) => {
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        `SELECT table_schema AS \`schema\`, table_name AS name, table_type AS kind, table_rows AS estimated_rows
         FROM information_schema.tables WHERE table_schema NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1, 2 LIMIT 10000`,
      );
      return (rows as TableRow[]).map((r) => ({
        schema: r.schema,
        name: r.name,
        kind: r.kind === 'VIEW' ? 'view' : 'table',
        estimatedRows: r.estimated_rows === null ? null : Number(r.estimated_rows),
      }));
    });
  }

  describe(schema: string | undefined, table: string): Promise<TableDetail> {
    return this.session(async (c) => {
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        `SELECT column_name AS name, column_type AS type, is_nullable AS nullable, column_key AS column_key
         FROM information_schema.columns WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?
         ORDER BY ordinal_position`,
        [schema ?? null, table],
      );
      if (rows.length === 0)
        throw new DomainError(
          'not_found',
          `table '${schema ? `${schema}.` : ''}${table}' not found`,
        );
      const columns = (rows as ColumnRow[]).map((r) => ({
        name: r.name,
        type: r.type,
        nullable: r.nullable === 'YES',
        primaryKey: r.column_key === 'PRI',
      }));
      return { schema: schema ?? this.config.database, name: table, columns };
    });
  }

  selectAll(table: TableDetail): string {
    return `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.schema)}.${quote(table.name)}`;
  }

  preview(sql: string, limit: number): Promise<PreviewResult> {
    return this.session(async (c) => {
      await this.limitStatementTime(c, this.config.queryTimeoutMs);
      await c.query('START TRANSACTION READ ONLY');
      try {
        const [rows, fields] = await c.query<mysql.RowDataPacket[]>({
          sql: `SELECT * FROM (${stripTerminator(sql)}) AS hydroml_preview LIMIT ?`,
          values: [limit + 1],
          rowsAsArray: true,
          timeout: this.config.queryTimeoutMs,
        });
        const data = (rows as unknown as unknown[][]).slice(0, limit).map((row) => row.map(toCell));
        return {
          columns: fields.map(fieldInfo),
          rows: data,
          truncated: rows.length > limit,
        };
      } catch (error) {
        throw queryError(error, this.config.queryTimeoutMs);
      } finally {
        await c.query('ROLLBACK').catch(() => undefined);
      }
    });
  }

  async *stream(sql: string, batchRows: number): AsyncGenerator<RowBatch> {
    // The callback API streams rows as they arrive; its promise() wrapper runs the set-up.
    const raw = createRawConnection(this.options());
    const connection = raw.promise();
    try {
      await this.limitStatementTime(connection, this.config.importTimeoutMs);
      await connection.query('START TRANSACTION READ ONLY');
      const query = raw.query({ sql: stripTerminator(sql), rowsAsArray: true });
      let columns: Array<{ name: string; type: string }> = [];
      query.on('fields', (fields: FieldPacket[]) => (columns = fields.map(fieldInfo)));
      let rows: unknown[][] = [];
      for await (const row of query.stream({ highWaterMark: batchRows })) {
        rows.push((row as unknown[]).map(toCell));
        if (rows.length >= batchRows) {
          yield { columns, rows };
          rows = [];
        }
      }
      if (rows.length > 0) yield { columns, rows };
    } catch (error) {
      throw queryError(error, this.config.importTimeoutMs);
    } finally {
      connection.destroy();
    }
  }

  /**
   * A CSV export like `mysql --batch`: raw text values (no type conversion in Node), dates and
   * times in UTC, in a read-only transaction, within the import timeout; encoded from the row
   * packets, chunks of about 256 KiB.
   */
  copyCsv(sql: string): Promise<CsvCopy> {
    const raw = createRawConnection(this.options());
    const setup = async () => {
      await this.limitStatementTime(raw.promise(), this.config.importTimeoutMs);
      await raw.promise().query("SET time_zone = '+00:00'");
      await raw.promise().query('START TRANSACTION READ ONLY');
    };
    const copy = rawCsvCopy(raw, stripTerminator(sql), setup, fieldInfo);
    return Promise.resolve({
      ...copy,
      stream: contractErrors(copy.stream, this.config.importTimeoutMs),
    });
  }

  /** Server-side limit too, so a cancelled client does not leave the query running. */
  private async limitStatementTime(c: Connection, timeoutMs: number): Promise<void> {
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v');
    const mariadb = String(rows[0].v).includes('MariaDB');
    const ms = Math.floor(timeoutMs);
    await c.query(
      mariadb
        ? `SET SESSION max_statement_time = ${ms / 1000}`
        : `SET SESSION max_execution_time = ${ms}`,
    );
  }

  private async session<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    const connection = await this.open();
    try {
      return await fn(connection);
    } finally {
      connection.destroy();
    }
  }

  private open(): Promise<Connection> {
    return mysql.createConnection(this.options());
  }

  private options(): ConnectionOptions {
    const { sslMode, sslCa } = this.config;
    return {
      host: this.config.host,
      port: this.config.port,
      database: this.config.database,
      user: this.config.user,
      password: this.config.password,
      connectTimeout: this.config.connectTimeoutMs,
      ssl:
        sslMode === 'disable'
          ? undefined
          : { rejectUnauthorized: sslMode === 'verify-full', ca: sslCa },
      // DATE as 'YYYY-MM-DD' text: as JS Dates it would shift with the process's time zone.
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: true,
    };
  }
}

function fieldInfo(field: FieldPacket): { name: string; type: string } {
  return {
    name: field.name,
    type: TYPE_NAMES.get(Number(field.type ?? field.columnType)) ?? 'unknown',
  };
}
