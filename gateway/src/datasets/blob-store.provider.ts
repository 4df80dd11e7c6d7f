import { blobStoreProvider as createBlobStoreProvider } from '@hydroml/storage';
import { GatewayEnv } from '../gateway-env.js';

/** The blob store uploads stream into (the same one data-tools reads). */
export const blobStoreProvider = createBlobStoreProvider(GatewayEnv);
