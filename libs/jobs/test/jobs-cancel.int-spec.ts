import { JobQueue, JobStore } from '../src/index.js';
import { jobsHarness, SERVICE, sleep } from './jobs-harness.js';

describe('cancelling jobs', () => {
  const { state, client, setup, startWorker, settled } = jobsHarness();

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
    const queue = new JobQueue(
      SERVICE,
      new JobStore(state.dataSource, nats, () => undefined),
      nats,
    );
    const own = await client();
    // the cancel lands after the job is marked running, before the worker holds it as current
    class RacingStore extends JobStore {
      override async markRunning(id: string, attempt: number) {
        const running = await super.markRunning(id, attempt);
        await queue.cancel(id);
        return running;
      }
    }
    let ran = false;
    const raced = () => ((ran = true), new Promise<Record<string, unknown>>(() => undefined));
    await startWorker(
      own,
      new RacingStore(state.dataSource, own, () => undefined),
      { raced },
      {
        ...{ heartbeatMs: 120_000, ackWaitMs: 240_000 },
      },
    );
    const job = await queue.enqueue('raced', {});
    expect(await settled(queue, job.id, 10_000)).toMatchObject({ status: 'cancelled' });
    expect(ran).toBe(false);
  });

  it('cancels a queued job before any worker runs it', async () => {
    const nats = await client();
    const store = new JobStore(state.dataSource, nats, () => undefined);
    const queue = new JobQueue(SERVICE, store, nats);
    const job = await queue.enqueue('never', {});
    expect((await queue.cancel(job.id)).status).toBe('cancelled');
    let ran = false;
    await setup({ never: () => ((ran = true), Promise.resolve({})) });
    await sleep(300);
    expect(ran).toBe(false);
    expect((await queue.get(job.id)).status).toBe('cancelled');
  });
});
