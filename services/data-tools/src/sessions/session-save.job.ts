import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DataToolsEvents,
  type JobView,
  type RecipeStepView,
  type VersionParent,
} from '@hydroml/contracts';
import { JobStore, JobWorker, type JobContext } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { ident, ROW_ID, selectHead } from '@hydroml/recipes';
import { VersionWriter } from '../versions/version-writer.js';
import { materialiseOrder } from './domain/row-order.js';
import { SessionCompiler } from './session-compiler.js';

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
    private readonly compiler: SessionCompiler,
    private readonly writer: VersionWriter,
  ) {}

  onModuleInit(): void {
    this.worker.register(SESSION_SAVE, (ctx) => this.run(ctx));
    this.store.onChange((job) => this.onJob(job));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as SessionSavePayload;
    await ctx.progress(0.05, 'compiling the recipe');
    const { recipe } = await this.compiler.replay(payload.parents, payload.steps);
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
