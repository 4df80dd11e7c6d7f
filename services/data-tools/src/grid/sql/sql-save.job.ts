import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@hydroml/contracts';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { parquetSource } from '@hydroml/recipes';
import { DataToolsEnv } from '../../data-tools-env.js';
import { sqlString } from '../../engine/duck-engine.js';
import { VersionCache } from '../../storage/version-cache.js';
import { VersionWriter } from '../../versions/version-writer.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { materialiseSandboxed } from './sql-sandbox.js';

export const SQL_SAVE = 'sql-save';

/** A console result to keep: the query and the version it read (access checked when queued). */
export interface SqlSavePayload {
  dataSourceId: string;
  version: number;
  sql: string;
  createdBy: string | null;
}

/**
 * Runs the query in the console's sandbox into a Parquet file of the job's own folder (the only
 * place the sandbox may write), then publishes it as a new prepared version with its parent.
 */
@Injectable()
export class SqlSaveJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly writer: VersionWriter,
    private readonly env: DataToolsEnv,
  ) {}

  onModuleInit(): void {
    this.worker.register(SQL_SAVE, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as SqlSavePayload;
    const entity = await this.versions.find(payload.dataSourceId, payload.version);
    if (!entity) throw new DomainError('not_found', `version ${payload.version} not found`);
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'jobs', `sql-${ctx.job.id}`);
    const file = join(dir, 'result.parquet');
    await mkdir(dir, { recursive: true });
    try {
      await ctx.progress(0.1, 'running the query');
      const relation = {
        ...{ source: `(${parquetSource(sqlString(path))})`, binds: [], schema: entity.schema },
        ...{ cacheKey: entity.sha256, files: [path] },
      };
      await materialiseSandboxed(
        relation,
        payload.sql,
        { dir, file },
        {
          ...{ rows: 0, timeoutMs: 0, threads: this.env.DUCKDB_THREADS },
          memoryLimit: this.env.DUCKDB_MEMORY_LIMIT,
        },
      );
      const parent = { dataSourceId: payload.dataSourceId, version: payload.version };
      const version = await this.writer.write({
        ...{ jobId: ctx.job.id, dataSourceId: payload.dataSourceId, origin: 'prepared' },
        ...{ parents: [parent], sql: `SELECT * FROM read_parquet(${sqlString(file)})`, binds: [] },
        ...{ recipe: null, createdBy: payload.createdBy, sourceFileName: 'SQL console' },
      });
      return { dataSourceId: version.dataSourceId, version: version.version, rows: version.rows };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
