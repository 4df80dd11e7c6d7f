import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue, JobStore, JobWorker } from '@hydroml/jobs';
import { logger, NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, createBlobStore, type BlobStore } from '@hydroml/storage';
import { ConnectorsEnv } from '../connectors-env.js';

export const SERVICE = 'connectors';

/** This service's job store, queue and worker (imports), and the shared blob store. */
export const importsProviders: Provider[] = [
  {
    provide: BLOB_STORE,
    inject: [ConnectorsEnv, NatsClient],
    useFactory: (env: ConnectorsEnv, nats: NatsClient): BlobStore =>
      createBlobStore(
        {
          backend: env.BLOB_BACKEND,
          dir: env.BLOB_DIR,
          bucket: `${env.NATS_SUBJECT_PREFIX || 'hydroml'}_blobs`,
        },
        nats.connection,
      ),
  },
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
    inject: [JobStore, NatsClient, ConnectorsEnv],
    useFactory: (store: JobStore, nats: NatsClient, env: ConnectorsEnv) =>
      new JobQueue(SERVICE, store, nats, env.JOB_MAX_ATTEMPTS),
  },
  {
    provide: JobWorker,
    inject: [JobStore, NatsClient, ConnectorsEnv],
    useFactory: (store: JobStore, nats: NatsClient, env: ConnectorsEnv) =>
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
