import { jetstreamManager } from '@nats-io/jetstream';
import { DomainError, jobEventsSubject, type JobEvent } from '@hydroml/contracts';
import { JobQueue, JobStore, JobWorker, jobsTopology } from '../src/index.js';
import { jobsHarness, OPTIONS, SERVICE, sleep } from './jobs-harness.js';

describe('durable jobs on JetStream', () => {
  const { state, client, setup, settled } = jobsHarness();

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
    const store = new JobStore(state.dataSource, dying, () => undefined);
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
