import type { Provider } from '@nestjs/common';
import { jobsProviders } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
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
  ...jobsProviders(SERVICE, ConnectorsEnv),
];
