import type { Provider, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { logger, NatsClient } from '@hydroml/nest-kit';
import { JobQueue } from './job-queue.js';
import { JobStore } from './job-store.js';
import { JobWorker } from './job-worker.js';

/** The settings a service's env class needs to run jobs. */
export interface JobSettings {
  JOB_ACK_WAIT_MS: number;
  JOB_HEARTBEAT_MS: number;
  JOB_MAX_ATTEMPTS: number;
  JOB_RETRY_BASE_MS: number;
}

/** A service's job store, queue and worker, configured from its env class. */
export function jobsProviders(service: string, env: Type<JobSettings>): Provider[] {
  return [
    {
      provide: JobStore,
      inject: [DataSource, NatsClient],
      useFactory: (db: DataSource, nats: NatsClient) =>
        new JobStore(db, nats, (error, job) =>
          logger().error({ err: error, jobId: job.id }, 'job listener failed'),
        ),
    },
    {
      provide: JobQueue,
      inject: [JobStore, NatsClient, env],
      useFactory: (store: JobStore, nats: NatsClient, settings: JobSettings) =>
        new JobQueue(service, store, nats, settings.JOB_MAX_ATTEMPTS),
    },
    {
      provide: JobWorker,
      inject: [JobStore, NatsClient, env],
      useFactory: (store: JobStore, nats: NatsClient, settings: JobSettings) =>
        new JobWorker(nats, store, {
          service,
          ackWaitMs: settings.JOB_ACK_WAIT_MS,
          heartbeatMs: settings.JOB_HEARTBEAT_MS,
          maxAttempts: settings.JOB_MAX_ATTEMPTS,
          retryBaseMs: settings.JOB_RETRY_BASE_MS,
          retryMaxMs: settings.JOB_RETRY_BASE_MS * 16,
          onError: (error) => logger().error({ err: error }, 'job worker error'),
        }),
    },
  ];
}
