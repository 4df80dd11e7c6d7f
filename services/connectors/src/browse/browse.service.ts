import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ConnectionTestResult,
  type PreviewDto,
  type PreviewResult,
  type TableDetail,
  type TableSummary,
} from '@hydroml/contracts';
import { ConnectionsService } from '../connections/connections.service.js';
import { HostPolicy } from '../connections/domain/host-policy.js';
import { assertReadOnlySelect } from '../connections/domain/read-only-query.js';
import type { ConnectionEntity } from '../connections/persistence/connection.entity.js';
import { SqliteFiles } from '../connections/sqlite-files.js';
import { ConnectorsEnv } from '../connectors-env.js';
import { SqliteDriver } from '../drivers/sqlite/sqlite.driver.js';
import { createDriver } from '../drivers/driver-factory.js';
import {
  stripTerminator,
  type CsvCopy,
  type DatabaseDriver,
  type RowBatch,
} from '../drivers/driver.js';
import { failureKind, failureMessage } from '../drivers/failure-kind.js';

const PREVIEW_ROWS = 100;

/** Testing, browsing and previewing a connection's database. */
@Injectable()
export class BrowseService {
  private readonly hosts: HostPolicy;

  constructor(
    private readonly connections: ConnectionsService,
    private readonly env: ConnectorsEnv,
    private readonly sqlite: SqliteFiles,
  ) {
    this.hosts = new HostPolicy(env.CONNECTOR_DENY_HOSTS, env.CONNECTOR_ALLOW_HOSTS);
  }

  async test(call: CallContext, id: string): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      const driver = await this.driverFor(await this.connections.owned(call, id));
      const serverVersion = await driver.serverVersion();
      return { ok: true, latencyMs: Date.now() - started, serverVersion };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw error;
      const kind = failureKind(error);
      return {
        ok: false,
        latencyMs: Date.now() - started,
        failure: { kind, message: failureMessage(kind, error) },
      };
    }
  }

  async tables(call: CallContext, id: string): Promise<TableSummary[]> {
    return this.reach(call, id, (driver) => driver.tables());
  }

  async describe(call: CallContext, id: string, table: string): Promise<TableDetail> {
    const [schema, name] = splitTable(table);
    return this.reach(call, id, (driver) => driver.describe(schema, name));
  }

  /** The first rows of a table or of a checked read-only query. */
  async preview(call: CallContext, dto: PreviewDto): Promise<PreviewResult> {
    if ((dto.table === undefined) === (dto.query === undefined)) {
      throw new DomainError('invalid_argument', 'give either a table or a query');
    }
    const row = await this.connections.owned(call, dto.id);
    if (dto.query !== undefined) assertReadOnlySelect(dto.query, row.type);
    return this.reach(call, dto.id, async (driver) => {
      const [schema, name] = dto.table ? splitTable(dto.table) : [undefined, ''];
      const sql = dto.query ?? driver.selectAll(await driver.describe(schema, name));
      return driver.preview(sql, dto.limit ?? PREVIEW_ROWS);
    });
  }

  /** Row batches of a table or a checked query, for an import (the caller iterates them). */
  async openStream(
    call: CallContext,
    id: string,
    source: { table?: string; query?: string },
    batchRows: number,
  ): Promise<AsyncGenerator<RowBatch>> {
    const row = await this.connections.owned(call, id);
    if ((source.table === undefined) === (source.query === undefined)) {
      throw new DomainError('invalid_argument', 'give either a table or a query');
    }
    if (source.query !== undefined) assertReadOnlySelect(source.query, row.type);
    return this.reach(call, id, async (driver) => {
      const [schema, name] = source.table ? splitTable(source.table) : [undefined, ''];
      const sql = source.query ?? driver.selectAll(await driver.describe(schema, name));
      return driver.stream(sql, batchRows);
    });
  }

  /** The server's own CSV export of the source, or null when the engine has none. */
  async openCsvCopy(
    call: CallContext,
    id: string,
    source: { table?: string; query?: string },
  ): Promise<CsvCopy | null> {
    const row = await this.connections.owned(call, id);
    if (source.query !== undefined) assertReadOnlySelect(source.query, row.type);
    return this.reach(call, id, async (driver) => {
      if (!driver.copyCsv) return null;
      const [schema, name] = source.table ? splitTable(source.table) : [undefined, ''];
      return driver.copyCsv(source.query ?? driver.selectAll(await driver.describe(schema, name)));
    });
  }

  /** The SQL of a table (every column, quoted) or a checked query, for wrapping. */
  async sourceSql(
    call: CallContext,
    id: string,
    source: { table?: string; query?: string },
  ): Promise<string> {
    const row = await this.connections.owned(call, id);
    if (source.query !== undefined) {
      assertReadOnlySelect(source.query, row.type);
      return stripTerminator(source.query);
    }
    const [schema, name] = splitTable(source.table ?? '');
    return this.reach(call, id, async (driver) =>
      driver.selectAll(await driver.describe(schema, name)),
    );
  }

  /** One value of a read-only query the service wrote itself (e.g. a maximum). */
  async scalar(call: CallContext, id: string, sql: string): Promise<unknown> {
    return this.reach(call, id, async (driver) => (await driver.preview(sql, 1)).rows[0]?.[0]);
  }

  private async reach<T>(
    call: CallContext,
    id: string,
    fn: (driver: DatabaseDriver) => Promise<T>,
  ): Promise<T> {
    const driver = await this.driverFor(await this.connections.owned(call, id));
    try {
      return await fn(driver);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const kind = failureKind(error);
      throw new DomainError(
        'failed_precondition',
        `cannot reach the database: ${failureMessage(kind, error)}`,
        { kind },
      );
    }
  }

  private async driverFor(row: ConnectionEntity): Promise<DatabaseDriver> {
    if (row.type === 'sqlite') {
      const path = await this.sqlite.path(row);
      return new SqliteDriver(path, this.env.QUERY_TIMEOUT_MS, this.env.IMPORT_QUERY_TIMEOUT_MS);
    }
    await this.hosts.assertAllowed(row.host);
    return createDriver(row.type, {
      host: row.host,
      port: row.port,
      database: row.database,
      user: row.user,
      password: this.connections.password(row),
      sslMode: row.sslMode,
      sslCa: row.sslCa ?? undefined,
      connectTimeoutMs: this.env.CONNECT_TIMEOUT_MS,
      queryTimeoutMs: this.env.QUERY_TIMEOUT_MS,
      importTimeoutMs: this.env.IMPORT_QUERY_TIMEOUT_MS,
    });
  }
}

/** `schema.table` or `table`; quoted names are taken as given. */
export function splitTable(table: string): [string | undefined, string] {
  const dot = table.indexOf('.');
  return dot < 0 ? [undefined, table] : [table.slice(0, dot), table.slice(dot + 1)];
}
