import type { Provider } from '@nestjs/common';
import { blobStoreProvider } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { join } from 'node:path';

export const storageProviders: Provider[] = [
  blobStoreProvider(DataToolsEnv),
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
