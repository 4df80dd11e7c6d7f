import type { Provider } from '@nestjs/common';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, createBlobStore, type BlobStore } from '@hydroml/storage';
import { GatewayEnv } from '../gateway-env.js';

/** The blob store uploads stream into (the same one data-tools reads). */
export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [GatewayEnv, NatsClient],
  useFactory: (env: GatewayEnv, nats: NatsClient): BlobStore =>
    createBlobStore(
      {
        backend: env.BLOB_BACKEND,
        dir: env.BLOB_DIR,
        bucket: `${env.NATS_SUBJECT_PREFIX || 'hydroml'}_blobs`,
      },
      nats.connection,
    ),
};
