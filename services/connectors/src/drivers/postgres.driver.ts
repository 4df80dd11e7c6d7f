import pg from 'pg';
import copyStreams from 'pg-copy-streams';
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
import { queryError } from './query-errors.js';

const TABLES_SQL = `SELECT n.nspname AS schema, c.relname AS name,
    CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END AS kind,
    CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimated_rows
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%' AND has_table_privilege(c.oid, 'SELECT')
  ORDER BY 1, 2 LIMIT 10000`;

const COLUMNS_SQL = `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
    NOT a.attnotnull AS nullable, COALESCE(a.attnum = ANY(i.indkey), false) AS primary_key
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
  WHERE n.nspname = COALESCE($1, current_schema()) AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY a.attnum`;

// pg-copy-streams is CommonJS: Node's ESM loader exposes it only through the default export.
const copyTo = copyStreams.to;
const DATE_OID = 1082;

/** Dates stay 'YYYY-MM-DD' text: as JS Dates they would shift with the process's time zone. */
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === DATE_OID) return (value: string) => value;
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export class PostgresDriver implements DatabaseDriver {
  constructor(private readonly config: DriverConfig) {}

  async serverVersion(): Promise<string> {
    return this.session(
      async (c) =>
        (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v,
    );
  }

  tables(): Promise<TableSummary[]> {
    return this.session(async (c) => {
      const { rows } = await c.query<{
        schema: string;
        name: string;
        kind: 'table' | 'view';
        estimated_rows: string | null;
      }>(TABLES_SQL);
      return rows.map((r) => ({
        schema: r.schema,
        name: r.name,
        kind: r.kind,
        estimatedRows: r.estimated_rows === null ? null : Number(r.estimated_rows),
      }));
    });
  }

  describe(schema: string | undefined, table: string): Promise<TableDetail> {
    return this.session(async (c) => {
      const { rows } = await c.query<{
        name: string;
        type: string;
        nullable: boolean;
        primary_key: boolean;
      }>(COLUMNS_SQL, [schema ?? null, table]);
      if (rows.length === 0)
        throw new DomainError(
          'not_found',
          `table '${schema ? `${schema}.` : ''}${table}' not found`,
        );
      const resolved =
        schema ?? (await c.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
      return {
        schema: resolved,
        name: table,
        columns: rows.map((r) => ({
          name: r.name,
          type: r.type,
          nullable: r.nullable,
          primaryKey: r.primary_key,
        })),
      };
    });
  }

  selectAll(table: TableDetail): string {
    return `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.schema)}.${quote(table.name)}`;
  }

  preview(sql: string, limit: number): Promise<PreviewResult> {
    return this.session(async (c) => {
      await c.query('BEGIN READ ONLY');
      try {
        await c.query(`SET LOCAL statement_timeout = ${Math.floor(this.config.queryTimeoutMs)}`);
        const result = await c.query({
          text: `SELECT * FROM (${stripTerminator(sql)}) AS hydroml_preview LIMIT $1`,
          values: [limit + 1],
          rowMode: 'array',
        });
        const types = await this.typeNames(
          c,
          result.fields.map((f) => f.dataTypeID),
        );
        const rows = (result.rows as unknown[][]).slice(0, limit).map((row) => row.map(toCell));
        return {
          columns: result.fields.map((f) => ({
            name: f.name,
            type: types.get(f.dataTypeID) ?? String(f.dataTypeID),
          })),
          rows,
          truncated: result.rows.length > limit,
        };
      } catch (error) {
        throw queryError(error, this.config.queryTimeoutMs);
      } finally {
        await c.query('ROLLBACK').catch(() => undefined);
      }
    });
  }

  async *stream(sql: string, batchRows: number): AsyncGenerator<RowBatch> {
    const client = await this.open();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(
        `SET LOCAL statement_timeout = ${Math.floor(this.config.importTimeoutMs)}`,
      );
      await client.query(`DECLARE hydroml_import NO SCROLL CURSOR FOR ${stripTerminator(sql)}`);
      let types: Map<number, string> | undefined;
      for (;;) {
        const result = await client.query({
          text: `FETCH ${batchRows} FROM hydroml_import`,
          rowMode: 'array',
        });
        types ??= await this.typeNames(
          client,
          result.fields.map((f) => f.dataTypeID),
        );
        const columns = result.fields.map((f) => ({
          name: f.name,
          type: types!.get(f.dataTypeID) ?? 'unknown',
        }));
        if (result.rows.length > 0)
          yield { columns, rows: (result.rows as unknown[][]).map((r) => r.map(toCell)) };
        if (result.rows.length < batchRows) break;
      }
    } catch (error) {
      throw queryError(error, this.config.importTimeoutMs);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  /** COPY (query) TO STDOUT as CSV, in UTC and ISO dates, inside a read-only transaction. */
  async copyCsv(sql: string): Promise<CsvCopy> {
    const client = await this.open();
    const query = stripTerminator(sql);
    try {
      await client.query('BEGIN READ ONLY');
      await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'");
      // An import runs longer than a preview: it has its own limit (IMPORT_QUERY_TIMEOUT_MS).
      await client.query(
        `SET LOCAL statement_timeout = ${Math.floor(this.config.importTimeoutMs)}`,
      );
      const probe = await client.query(`SELECT * FROM (${query}) AS hydroml_probe LIMIT 0`);
      const types = await this.typeNames(
        client,
        probe.fields.map((f) => f.dataTypeID),
      );
      const columns = probe.fields.map((f) => ({
        name: f.name,
        type: types.get(f.dataTypeID) ?? 'unknown',
      }));
      const stream = client.query(
        copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER true)`),
      );
      const close = () => void client.end().catch(() => undefined);
      stream.once('end', close).once('error', close).once('close', close);
      return {
        columns: () => columns,
        stream: contractErrors(stream, this.config.importTimeoutMs),
        rowCount: () => stream.rowCount,
      };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw queryError(error, this.config.importTimeoutMs);
    }
  }

  private async typeNames(c: pg.Client, oids: number[]): Promise<Map<number, string>> {
    const { rows } = await c.query<{ oid: number; name: string }>(
      'SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1)',
      [oids],
    );
    return new Map(rows.map((r) => [r.oid, r.name]));
  }

  private async session<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = await this.open();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async open(): Promise<pg.Client> {
    const { sslMode, sslCa } = this.config;
    const client = new pg.Client({
      host: this.config.host,
      port: this.config.port,
      database: this.config.database,
      user: this.config.user,
      password: this.config.password,
      connectionTimeoutMillis: this.config.connectTimeoutMs,
      ssl:
        sslMode === 'disable'
          ? false
          : { rejectUnauthorized: sslMode === 'verify-full', ca: sslCa },
      application_name: 'hydroml-connectors',
      types: { getTypeParser: typeParser },
    });
    client.on('error', () => undefined); // a dropped session surfaces through the pending query
    await client.connect();
    return client;
  }
}
