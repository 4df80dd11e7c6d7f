export * from './blob-store.js';
export * from './fs-blob-store.js';
export * from './nats-blob-store.js';
export * from './byte-counter.js';
export * from './create-blob-store.js';
export * from './blob-store.provider.js';
