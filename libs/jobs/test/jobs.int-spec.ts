import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  DomainError,
  jobEventsSubject,
  isTerminalJobStatus,
  type JobEvent,
  type JobView,
} from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
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
import { connectTestNats, createTestDatabase, type TestDatabase } from '@hydroml/testing';

const SERVICE = 'svc';
const OPTIONS: Omit<JobWorkerOptions, 'onError'> = {
  service: SERVICE,
  ackWaitMs: 1500,
  heartbeatMs: 300,
  maxAttempts: 3,
  retryBaseMs: 50,
  retryMaxMs: 200,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('durable jobs on JetStream', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let prefix: string;
  const clients: NatsClient[] = [];
  const workers: JobWorker[] = [];
  const workerErrors: unknown[] = [];

  async function client(): Promise<NatsClient> {
    const nats = await connectTestNats(prefix);
    clients.push(nats);
    return nats;
  }

  async function setup(
    handlers: Record<string, JobHandler>,
    count = 1,
    options: Partial<JobWorkerOptions> = {},
  ) {
    const nats = await client();
    const store = new JobStore(dataSource, nats, (error) => workerErrors.push(error));
    const queue = new JobQueue(SERVICE, store, nats, 3);
    for (let i = 0; i < count; i += 1) {
      const own = await client();
      const worker = new JobWorker(own, new JobStore(dataSource, own, () => undefined), {
        ...OPTIONS,
        ...options,
        onError: (error) => workerErrors.push(error),
      });
      for (const [kind, handler] of Object.entries(handlers)) worker.register(kind, handler);
      await worker.start();
      workers.push(worker);
    }
    return { queue, store, nats };
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
    dataSource = new DataSource({ type: 'postgres', url: db.url, entities: [JobEntity] });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
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
    await dataSource.destroy();
    await db.drop();
  });

  afterEach(() => {
    const errors = workerErrors.splice(0);
    if (errors.length > 0) throw new Error(`worker errors: ${errors.map(String).join('; ')}`);
  });

  it('runs a job once, publishes progress and stores the result', async () => {
    let runs = 0;
    const { queue, nats } = await setup({
      echo: async (ctx) => {
        runs += 1;
        await ctx.progress(0.5, 'half way');
        return { echoed: ctx.payload.value };
      },
    });
    const events: JobEvent[] = [];
    const job = await queue.enqueue('echo', { value: 42 }, { createdBy: undefined });
    const sub = nats.connection.subscribe(nats.subject(jobEventsSubject(job.id)), {
      callback: (_err, msg) => {
        events.push(msg.json<JobEvent>());
      },
    });
    const done = await settled(queue, job.id);
    await sleep(100);
    sub.unsubscribe();
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, attempts: 1 });
    expect(done.result).toEqual({ echoed: 42 });
    expect(runs).toBe(1);
    expect(events.some((e) => e.type === 'progress' && e.job.message === 'half way')).toBe(true);
    expect(events.at(-1)?.job.status).toBe('succeeded');
    const jsm = await jetstreamManager(nats.connection);
    expect((await jsm.streams.info(jobsTopology(nats).stream)).state.messages).toBe(0);
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const { queue } = await setup({
      flaky: (ctx) => {
        if (ctx.attempt < 3) return Promise.reject(new Error(`glitch ${ctx.attempt}`));
        return Promise.resolve({ attempt: ctx.attempt });
      },
    });
    const job = await queue.enqueue('flaky', {});
    const done = await settled(queue, job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, result: { attempt: 3 } });
  });

  it('stops at the retry limit with the last reason', async () => {
    const { queue } = await setup({ broken: () => Promise.reject(new Error('disk on fire')) });
    const done = await settled(queue, (await queue.enqueue('broken', {})).id);
    expect(done.status).toBe('failed');
    expect(done.attempts).toBe(3);
    expect(done.error).toMatchObject({ code: 'internal', message: 'disk on fire' });
  });

  it('fails at once, without retrying, when the input is at fault', async () => {
    const bad = new DomainError('invalid_argument', 'the file is not a CSV');
    const { queue } = await setup({ parse: () => Promise.reject(bad) });
    const done = await settled(queue, (await queue.enqueue('parse', {})).id);
    expect(done).toMatchObject({ status: 'failed', attempts: 1 });
    expect(done.error?.message).toBe('the file is not a CSV');
  });

  it('cancels a running job between chunks', async () => {
    let chunks = 0;
    const { queue } = await setup({
      long: async (ctx) => {
        for (;;) {
          ctx.throwIfCancelled();
          chunks += 1;
          await sleep(50);
        }
      },
    });
    const job = await queue.enqueue('long', {});
    while ((await queue.get(job.id)).status !== 'running') await sleep(20);
    await queue.cancel(job.id);
    const done = await settled(queue, job.id);
    expect(done).toMatchObject({ status: 'cancelled', cancelRequested: true });
    const seen = chunks;
    await sleep(200);
    expect(chunks).toBe(seen);
  });

  it('aborts a running job as soon as it is cancelled, long before its next heartbeat', async () => {
    const { queue } = await setup(
      {
        wait: (ctx) =>
          new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error));
          }),
      },
      1,
      { heartbeatMs: 120_000, ackWaitMs: 240_000 },
    );
    const job = await queue.enqueue('wait', {});
    while ((await queue.get(job.id)).status !== 'running') await sleep(20);
    await queue.cancel(job.id);
    // Without the NATS notice the worker would only see the flag at the 2-minute heartbeat.
    expect(await settled(queue, job.id, 10_000)).toMatchObject({ status: 'cancelled' });
  });

  it('cancels a job whose cancel was told while its worker was marking it running', async () => {
    const nats = await client();
    const queue = new JobQueue(SERVICE, new JobStore(dataSource, nats, () => undefined), nats);
    const own = await client();
    // the cancel lands after the job is marked running, before the worker holds it as current
    class RacingStore extends JobStore {
      override async markRunning(id: string, attempt: number) {
        const running = await super.markRunning(id, attempt);
        await queue.cancel(id);
        return running;
      }
    }
    const worker = new JobWorker(own, new RacingStore(dataSource, own, () => undefined), {
      ...OPTIONS,
      ...{ heartbeatMs: 120_000, ackWaitMs: 240_000 },
      onError: (error) => workerErrors.push(error),
    });
    let ran = false;
    worker.register('raced', () => ((ran = true), new Promise(() => undefined)));
    await worker.start();
    workers.push(worker);
    const job = await queue.enqueue('raced', {});
    expect(await settled(queue, job.id, 10_000)).toMatchObject({ status: 'cancelled' });
    expect(ran).toBe(false);
  });

  it('cancels a queued job before any worker runs it', async () => {
    const nats = await client();
    const store = new JobStore(dataSource, nats, () => undefined);
    const queue = new JobQueue(SERVICE, store, nats);
    const job = await queue.enqueue('never', {});
    expect((await queue.cancel(job.id)).status).toBe('cancelled');
    let ran = false;
    await setup({ never: () => ((ran = true), Promise.resolve({})) });
    await sleep(300);
    expect(ran).toBe(false);
    expect((await queue.get(job.id)).status).toBe('cancelled');
  });

  it('keeps a long job alive with heartbeats beyond the ack wait', async () => {
    let runs = 0;
    const { queue } = await setup({
      slow: async () => {
        runs += 1;
        await sleep(OPTIONS.ackWaitMs * 2);
        return {};
      },
    });
    const done = await settled(queue, (await queue.enqueue('slow', {})).id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(runs).toBe(1);
  });

  it('shares jobs between two workers so that each runs exactly once', async () => {
    const seen: string[] = [];
    const { queue } = await setup(
      {
        unit: async (ctx) => {
          seen.push(ctx.job.id);
          await sleep(20);
          return {};
        },
      },
      2,
    );
    const jobs = await Promise.all(Array.from({ length: 12 }, () => queue.enqueue('unit', {})));
    const done = await Promise.all(jobs.map((job) => settled(queue, job.id)));
    expect(done.every((job) => job.status === 'succeeded')).toBe(true);
    expect(seen.sort()).toEqual(jobs.map((job) => job.id).sort());
  });

  it('redelivers the job of a worker that died, and finishes it elsewhere', async () => {
    let release!: () => void;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const dying = await client();
    const store = new JobStore(dataSource, dying, () => undefined);
    const first = new JobWorker(dying, store, { ...OPTIONS, onError: () => undefined });
    first.register('task', async () => {
      await hang;
      return { by: 'first' };
    });
    await first.start();
    const queue = new JobQueue(SERVICE, store, dying);
    const job = await queue.enqueue('task', {});
    while ((await queue.get(job.id)).status !== 'running') await sleep(20);
    await dying.connection.close(); // the process "dies": no ack, no heartbeat
    const { queue: survivorQueue } = await setup({ task: () => Promise.resolve({ by: 'second' }) });
    const done = await settled(survivorQueue, job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, result: { by: 'second' } });
    release();
    await sleep(100);
    expect((await survivorQueue.get(job.id)).result).toEqual({ by: 'second' });
  });
});
