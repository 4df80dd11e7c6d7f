import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type JobView,
  type SaveSqlResultDto,
  type SqlHistoryEntry,
  type SqlQueryDto,
  type SqlResult,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { requireScope } from '@hydroml/nest-kit';
import { AccessClient } from '../../access/access.client.js';
import { DataToolsEnv } from '../../data-tools-env.js';
import { SessionHeads } from '../../sessions/session-heads.js';
import { DatasetTargets } from '../dataset-targets.js';
import { recipeGridRelation, type GridRelation } from '../grid-relation.js';
import { runSandboxed } from './sql-sandbox.js';
import { SqlHistoryRepository } from './sql-history.repository.js';
import { SQL_SAVE, type SqlSavePayload } from './sql-save.job.js';

const DEFAULT_ROWS = 1000;
const TIMEOUT_MS = 15_000;

/**
 * The read-only SQL console: one SELECT over a version or a session head exposed as the view
 * `data`, in a sandboxed DuckDB (see runSandboxed), time- and row-limited; every run, failed or
 * not, goes into the caller's history.
 */
@Injectable()
export class SqlConsoleService {
  constructor(
    private readonly targets: DatasetTargets,
    private readonly history: SqlHistoryRepository,
    private readonly env: DataToolsEnv,
    private readonly access: AccessClient,
    private readonly queue: JobQueue,
    private readonly heads: SessionHeads,
  ) {}

  /**
   * Saves a query's full result as a new version of the data source it read (editors): over a
   * version, or over a session head (a new version of the session's data source whose lineage
   * records the session's base version and recipe, as a session save does). The query is checked
   * here (it must run), and a job materialises it.
   */
  async save(call: CallContext, dto: SaveSqlResultDto): Promise<JobView> {
    const { source, relation } = await this.saveSource(call, dto);
    const resource = { type: 'data_source' as const, id: source.dataSourceId };
    const userId = await this.access.require(call, resource, 'write');
    await this.execute(userId, relation, { ...dto, limit: 1 });
    const payload: SqlSavePayload = { ...source, sql: dto.sql, createdBy: userId };
    return this.queue.enqueue(SQL_SAVE, { ...payload }, { resource, createdBy: userId });
  }

  /**
   * What the save reads (the version named, or the session's head as it is now; not_found for
   * strangers) and its relation, resolved once for the check run and the job's payload.
   */
  private async saveSource(
    call: CallContext,
    dto: SaveSqlResultDto,
  ): Promise<{ source: Omit<SqlSavePayload, 'sql' | 'createdBy'>; relation: GridRelation }> {
    if (dto.sessionId === undefined) {
      const relation = await this.targets.resolve(call, dto);
      return { source: { dataSourceId: dto.dataSourceId!, version: dto.version! }, relation };
    }
    // Saving what a session's head holds is its creator's call, as a session save is.
    const head = await this.heads.resolve(call, dto.sessionId, true);
    const source = {
      ...{ dataSourceId: head.session.dataSourceId, version: head.session.version },
      ...{ sessionId: head.session.id, parents: head.parents, steps: head.recipe.steps },
    };
    return { source, relation: recipeGridRelation(head.recipe, head.cacheKey, head.paths) };
  }

  async run(call: CallContext, dto: SqlQueryDto): Promise<SqlResult> {
    const { userId } = requireScope(call, 'read');
    return this.execute(userId, await this.targets.resolve(call, dto), dto);
  }

  /** Runs the query in the sandbox over `relation` and records it in the user's history. */
  private async execute(userId: string, relation: GridRelation, dto: SqlQueryDto) {
    const started = performance.now();
    const entry = {
      ...{ userId, sql: dto.sql, dataSourceId: dto.dataSourceId ?? null },
      ...{ version: dto.version ?? null, sessionId: dto.sessionId ?? null },
    };
    try {
      const result = await runSandboxed(relation, dto.sql, {
        rows: dto.limit ?? DEFAULT_ROWS,
        timeoutMs: TIMEOUT_MS,
        threads: this.env.DUCKDB_THREADS,
        memoryLimit: this.env.DUCKDB_MEMORY_LIMIT,
      });
      const durationMs = Math.round(performance.now() - started);
      const rowCount = result.rows.length;
      await this.history.add({ ...entry, status: 'succeeded', error: null, rowCount, durationMs });
      return { ...result, rowCount, durationMs };
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const message = error instanceof DomainError ? error.message : 'the query failed';
      await this.history.add({
        ...entry,
        status: 'failed',
        error: message,
        rowCount: null,
        durationMs,
      });
      throw error;
    }
  }

  async list(call: CallContext, limit = 50): Promise<SqlHistoryEntry[]> {
    const { userId } = requireScope(call, 'read');
    return this.history.list(userId, limit);
  }
}
