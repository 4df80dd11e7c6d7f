import type { Provider } from '@nestjs/common';
import { jobsProviders } from '@hydroml/jobs';
import { blobStoreProvider } from '@hydroml/storage';
import { ConnectorsEnv } from '../connectors-env.js';

export const SERVICE = 'connectors';

/** This service's job store, queue and worker (imports), and the shared blob store. */
export const importsProviders: Provider[] = [
  blobStoreProvider(ConnectorsEnv),
  ...jobsProviders(SERVICE, ConnectorsEnv),
];
