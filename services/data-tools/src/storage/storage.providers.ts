import type { Provider } from '@nestjs/common';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, createBlobStore, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { join } from 'node:path';

export const storageProviders: Provider[] = [
  {
    provide: BLOB_STORE,
    inject: [DataToolsEnv, NatsClient],
    useFactory: (env: DataToolsEnv, nats: NatsClient): BlobStore =>
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
    provide: DuckEngine,
    inject: [DataToolsEnv],
    useFactory: (env: DataToolsEnv) =>
      DuckEngine.create({
        threads: env.DUCKDB_THREADS,
        memoryLimit: env.DUCKDB_MEMORY_LIMIT,
        tempDir: join(env.DATA_TOOLS_WORK_DIR, 'duckdb'),
      }),
  },
];
