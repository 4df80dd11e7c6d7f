import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JobStore, JobWorker } from '@hydroml/jobs';
import { INGEST, IngestJob } from '../ingestion/ingest.job.js';
import { IngestLifecycle } from './ingest-lifecycle.js';

/** Starts this replica's job worker with the service's job kinds, and stops it on shutdown. */
@Injectable()
export class JobsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: JobWorker,
    private readonly store: JobStore,
    private readonly ingest: IngestJob,
    private readonly lifecycle: IngestLifecycle,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.store.onChange((job) => this.lifecycle.onJob(job));
    this.worker.register(INGEST, (ctx) => this.ingest.run(ctx));
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
