import type { NatsConnection } from '@nats-io/transport-node';
import type { BlobStore } from './blob-store.js';
import { FsBlobStore } from './fs-blob-store.js';
import { NatsBlobStore } from './nats-blob-store.js';

export interface BlobStoreSettings {
  backend: 'fs' | 'nats';
  /** Root directory of the fs backend. */
  dir: string;
  /** Bucket of the nats backend (prefix it per environment). */
  bucket: string;
}

/** The configured backend: every process of one deployment must use the same settings. */
export function createBlobStore(settings: BlobStoreSettings, nc: NatsConnection): BlobStore {
  return settings.backend === 'nats'
    ? new NatsBlobStore(nc, settings.bucket)
    : new FsBlobStore(settings.dir);
}
