import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JobWorker } from '@hydroml/jobs';
import { IMPORT, ImportJob } from './import.job.js';

/** Runs this replica's import jobs; replicas share them through the durable consumer. */
@Injectable()
export class ImportsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: JobWorker,
    private readonly importJob: ImportJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker.register(IMPORT, (ctx) => this.importJob.run(ctx));
    await this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
