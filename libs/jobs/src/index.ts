export * from './job.entity.js';
export * from './jobs-table.js';
export * from './job-store.js';
export * from './job-queue.js';
export * from './job-worker.js';
export * from './job-errors.js';
export * from './jetstream-jobs.js';
export * from './jobs.providers.js';
