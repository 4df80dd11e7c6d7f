import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { IngestLifecycle } from './ingest-lifecycle.js';

export const PURGE = 'purge';

/** Removes the blobs of deleted versions (an original shared with a live version stays). */
@Injectable()
export class PurgeJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly lifecycle: IngestLifecycle,
  ) {}

  onModuleInit(): void {
    this.worker.register(PURGE, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const keys = (ctx.payload.keys as string[] | undefined) ?? [];
    await this.lifecycle.removeUnused(keys);
    return { removed: keys.length };
  }
}
