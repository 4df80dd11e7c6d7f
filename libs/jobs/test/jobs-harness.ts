import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { jetstreamManager } from '@nats-io/jetstream';
import { isTerminalJobStatus, type JobView } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { connectTestNats, createTestDatabase, type TestDatabase } from '@hydroml/testing';
import {
  createJobsTable,
  JobEntity,
  JobQueue,
  JobStore,
  JobWorker,
  jobsTopology,
  type JobHandler,
  type JobWorkerOptions,
} from '../src/index.js';

export const SERVICE = 'svc';
export const OPTIONS: Omit<JobWorkerOptions, 'onError'> = {
  service: SERVICE,
  ackWaitMs: 1500,
  heartbeatMs: 300,
  maxAttempts: 3,
  retryBaseMs: 50,
  retryMaxMs: 200,
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Jobs on the machine's PostgreSQL and NATS for one spec file: its own database, a subject prefix
 * per test, and the workers, connections and stream of a test removed after it. A test fails when
 * a worker reported an error.
 */
export function jobsHarness() {
  let db: TestDatabase;
  let prefix: string;
  const state = { dataSource: undefined as unknown as DataSource };
  const clients: NatsClient[] = [];
  const workers: JobWorker[] = [];
  const workerErrors: unknown[] = [];

  async function client(): Promise<NatsClient> {
    const nats = await connectTestNats(prefix);
    clients.push(nats);
    return nats;
  }

  /** Started workers (`count`) for `handlers` and a queue, on connections of this test. */
  async function setup(
    handlers: Record<string, JobHandler>,
    count = 1,
    options: Partial<JobWorkerOptions> = {},
  ) {
    const nats = await client();
    const store = new JobStore(state.dataSource, nats, (error) => workerErrors.push(error));
    const queue = new JobQueue(SERVICE, store, nats, 3);
    for (let i = 0; i < count; i += 1) {
      const own = await client();
      await startWorker(
        own,
        new JobStore(state.dataSource, own, () => undefined),
        handlers,
        options,
      );
    }
    return { queue, store, nats };
  }

  async function startWorker(
    nats: NatsClient,
    store: JobStore,
    handlers: Record<string, JobHandler>,
    options: Partial<JobWorkerOptions> = {},
  ): Promise<JobWorker> {
    const worker = new JobWorker(nats, store, {
      ...OPTIONS,
      ...options,
      onError: (error) => workerErrors.push(error),
    });
    for (const [kind, handler] of Object.entries(handlers)) worker.register(kind, handler);
    await worker.start();
    workers.push(worker);
    return worker;
  }

  async function settled(queue: JobQueue, id: string, timeoutMs = 10_000): Promise<JobView> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await queue.get(id);
      if (isTerminalJobStatus(job.status) || Date.now() > until) return job;
      await sleep(50);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    state.dataSource = new DataSource({ type: 'postgres', url: db.url, entities: [JobEntity] });
    await state.dataSource.initialize();
    const runner = state.dataSource.createQueryRunner();
    await createJobsTable(runner);
    await runner.release();
  });

  beforeEach(() => {
    prefix = `test_jobs_${randomBytes(4).toString('hex')}`;
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    const nats = await connectTestNats(prefix);
    clients.push(nats);
    const jsm = await jetstreamManager(nats.connection);
    await jsm.streams.delete(jobsTopology(nats).stream).catch(() => false);
    for (const c of clients.splice(0)) await c.connection.close();
  });

  afterAll(async () => {
    await state.dataSource.destroy();
    await db.drop();
  });

  afterEach(() => {
    const errors = workerErrors.splice(0);
    if (errors.length > 0) throw new Error(`worker errors: ${errors.map(String).join('; ')}`);
  });

  return { state, client, setup, startWorker, settled };
}
