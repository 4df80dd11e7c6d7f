import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DataToolsEvents,
  DomainError,
  type JobView,
  type RecipeStepView,
  type VersionParent,
} from '@hydroml/contracts';
import { JobStore, JobWorker, type JobContext } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import {
  compileRecipe,
  DuckRecipeEngine,
  ident,
  parquetSource,
  ROW_ID,
  selectHead,
  STEPS,
  versionKey,
  type SourceRelation,
} from '@hydroml/recipes';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine, sqlString } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import { VersionWriter } from '../versions/version-writer.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { materialiseOrder } from './domain/row-order.js';

export const SESSION_SAVE = 'session-save';

/** What a save job carries: the head as it was when saved (steps fitted), and where it goes. */
export interface SessionSavePayload {
  sessionId: string;
  targetDataSourceId: string;
  /** The target was created for this save (its status follows the job). */
  newDataSource: boolean;
  /** parents[0] is the base version; the rest are versions steps read. */
  parents: VersionParent[];
  steps: RecipeStepView[];
  createdBy: string | null;
}

/**
 * Materialises a saved session head into a new version (access was checked when the job was
 * queued). Replays the stored steps with their fitted values over the base version's Parquet,
 * writes the rows in the head's order, and records the recipe and the parents in the lineage.
 */
@Injectable()
export class SessionSaveJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly store: JobStore,
    private readonly nats: NatsClient,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
    private readonly writer: VersionWriter,
    private readonly env: DataToolsEnv,
  ) {}

  onModuleInit(): void {
    this.worker.register(SESSION_SAVE, (ctx) => this.run(ctx));
    this.store.onChange((job) => this.onJob(job));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as SessionSavePayload;
    const [base, ...others] = await Promise.all(payload.parents.map((p) => this.relationOf(p)));
    const sources = new Map<string, SourceRelation>(
      others.map((relation, i) => [versionKey(payload.parents[i + 1]), relation]),
    );
    await ctx.progress(0.05, 'compiling the recipe');
    const recipe = await this.engine.use((connection) =>
      compileRecipe({
        ...{ registry: STEPS, engine: new DuckRecipeEngine(connection), base },
        ...{ steps: payload.steps, sources, limits: { joinMaxRows: this.env.JOIN_MAX_ROWS } },
      }),
    );
    ctx.throwIfCancelled();
    const version = await this.writer.write(
      {
        ...{ jobId: ctx.job.id, dataSourceId: payload.targetDataSourceId },
        ...{ origin: payload.parents.length > 1 ? 'fused' : 'prepared', parents: payload.parents },
        ...{ sql: selectHead(recipe, materialiseOrder(recipe.steps, ident(ROW_ID))) },
        binds: recipe.binds,
        recipe: { base: payload.parents[0], steps: recipe.steps, sessionId: payload.sessionId },
        ...{ createdBy: payload.createdBy, sourceFileName: null },
      },
      (fraction, message) => ctx.progress(0.1 + fraction * 0.9, message),
    );
    return {
      ...{ dataSourceId: version.dataSourceId, version: version.version },
      ...{ versionId: version.id, rows: version.rows },
    };
  }

  private async relationOf(ref: VersionParent): Promise<SourceRelation> {
    const entity = await this.versions.find(ref.dataSourceId, ref.version);
    if (!entity) throw new DomainError('not_found', `version ${ref.version} not found`);
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    return { sql: parquetSource(sqlString(path)), schema: entity.schema };
  }

  /** A data source made for a save is ready once the version exists (failed if it never will). */
  private async onJob(job: JobView): Promise<void> {
    if (job.kind !== SESSION_SAVE || job.resource?.type !== 'data_source') return;
    if (job.status !== 'succeeded' && job.status !== 'failed' && job.status !== 'cancelled') return;
    const entity = await this.store.find(job.id);
    const payload = entity?.payload as unknown as SessionSavePayload | undefined;
    if (!payload?.newDataSource) return;
    const status = job.status === 'succeeded' ? 'ready' : 'failed';
    const reason = job.status === 'succeeded' ? null : (job.error?.message ?? job.status);
    this.nats.emit(DataToolsEvents.dataSourceStatusChanged, {
      ...{ dataSourceId: job.resource.id, status, reason },
    });
  }
}
