import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { logger, NatsClient } from '@hydroml/nest-kit';
import { JobQueue, JobStore, JobWorker } from '@hydroml/jobs';
import { DataToolsEnv } from '../data-tools-env.js';

export const SERVICE = 'data-tools';

export const jobsProviders: Provider[] = [
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
    inject: [JobStore, NatsClient, DataToolsEnv],
    useFactory: (store: JobStore, nats: NatsClient, env: DataToolsEnv) =>
      new JobQueue(SERVICE, store, nats, env.JOB_MAX_ATTEMPTS),
  },
  {
    provide: JobWorker,
    inject: [JobStore, NatsClient, DataToolsEnv],
    useFactory: (store: JobStore, nats: NatsClient, env: DataToolsEnv) =>
      new JobWorker(nats, store, {
        service: SERVICE,
        ackWaitMs: env.JOB_ACK_WAIT_MS,
        heartbeatMs: env.JOB_HEARTBEAT_MS,
        maxAttempts: env.JOB_MAX_ATTEMPTS,
        retryBaseMs: env.JOB_RETRY_BASE_MS,
        retryMaxMs: env.JOB_RETRY_BASE_MS * 16,
        onError: (error) => logger().error({ err: error }, 'job worker error'),
      }),
  },
];
