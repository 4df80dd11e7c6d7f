import type { Provider, Type } from '@nestjs/common';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from './blob-store.js';
import { createBlobStore } from './create-blob-store.js';

/** The blob-store settings a process's env class carries (the same in every process). */
export interface BlobStoreEnv {
  BLOB_BACKEND: 'fs' | 'nats';
  BLOB_DIR: string;
  NATS_SUBJECT_PREFIX: string;
}

/** BLOB_STORE for a process: the configured backend, its bucket named per environment. */
export function blobStoreProvider(env: Type<BlobStoreEnv>): Provider {
  return {
    provide: BLOB_STORE,
    inject: [env, NatsClient],
    useFactory: (settings: BlobStoreEnv, nats: NatsClient): BlobStore =>
      createBlobStore(
        {
          backend: settings.BLOB_BACKEND,
          dir: settings.BLOB_DIR,
          bucket: `${settings.NATS_SUBJECT_PREFIX || 'hydroml'}_blobs`,
        },
        nats.connection,
      ),
  };
}
