import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RecipeStepView, VersionParent } from '@hydroml/contracts';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { DataToolsEnv } from '../../data-tools-env.js';
import { sqlString } from '../../engine/duck-engine.js';
import { SessionCompiler } from '../../sessions/session-compiler.js';
import { VersionRelations } from '../../versions/version-relations.js';
import { VersionWriter } from '../../versions/version-writer.js';
import { recipeGridRelation, versionGridRelation, type GridRelation } from '../grid-relation.js';
import { materialiseSandboxed } from './sql-sandbox.js';

export const SQL_SAVE = 'sql-save';

/**
 * A console result to keep (access checked when queued): the query and what it read, a version or
 * a session head. For a head, `parents` (its base version first, then the versions its steps read)
 * and the fitted `steps` as they were when saved, so the job replays exactly that head.
 */
export interface SqlSavePayload {
  dataSourceId: string;
  version: number;
  sql: string;
  createdBy: string | null;
  sessionId?: string;
  parents?: VersionParent[];
  steps?: RecipeStepView[];
}

/**
 * Runs the query in the console's sandbox into a Parquet file of the job's own folder (the only
 * place the sandbox may write), then publishes it as a new prepared version with its lineage.
 */
@Injectable()
export class SqlSaveJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly relations: VersionRelations,
    private readonly compiler: SessionCompiler,
    private readonly writer: VersionWriter,
    private readonly env: DataToolsEnv,
  ) {}

  onModuleInit(): void {
    this.worker.register(SQL_SAVE, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as SqlSavePayload;
    const parents = payload.parents ?? [
      { dataSourceId: payload.dataSourceId, version: payload.version },
    ];
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'jobs', `sql-${ctx.job.id}`);
    const file = join(dir, 'result.parquet');
    await mkdir(dir, { recursive: true });
    try {
      await ctx.progress(
        0.05,
        payload.steps ? 'compiling the session head' : 'reading the version',
      );
      const relation = await this.source(parents, payload.steps);
      ctx.throwIfCancelled();
      await ctx.progress(0.1, 'running the query');
      await materialiseSandboxed(
        relation,
        payload.sql,
        { dir, file },
        {
          ...{ rows: 0, timeoutMs: 0, threads: this.env.DUCKDB_THREADS },
          memoryLimit: this.env.DUCKDB_MEMORY_LIMIT,
        },
      );
      const recipe = {
        ...{ base: parents[0], steps: payload.steps ?? [], query: payload.sql },
        ...(payload.sessionId ? { sessionId: payload.sessionId } : {}),
      };
      const version = await this.writer.write({
        ...{ jobId: ctx.job.id, dataSourceId: payload.dataSourceId },
        ...{ origin: parents.length > 1 ? 'fused' : 'prepared', parents },
        ...{ sql: `SELECT * FROM read_parquet(${sqlString(file)})`, binds: [] },
        ...{ recipe, createdBy: payload.createdBy, sourceFileName: 'SQL console' },
      });
      return { dataSourceId: version.dataSourceId, version: version.version, rows: version.rows };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * What the query reads (access was checked when it was queued): the version's Parquet file, or
   * the session head replayed from its fitted steps, as the console compiled it for the query.
   */
  private async source(parents: VersionParent[], steps?: RecipeStepView[]): Promise<GridRelation> {
    if (!steps) return versionGridRelation(await this.relations.local(parents[0]));
    const { recipe, versions } = await this.compiler.replay(parents, steps);
    const files = versions.map((v) => v.path);
    return recipeGridRelation(recipe, `sql-save:${versions[0].cacheKey}`, files);
  }
}
