import { categoricalDistribution, floatDistribution } from '../core/distributions.js';
import { RandomSampler } from '../samplers/random-sampler.js';
import { TpeSampler } from '../samplers/tpe/tpe-sampler.js';
import { InMemoryStorage } from '../storage/in-memory-storage.js';
import { createStudy, loadStudy } from './create-study.js';

const space = {
  x: floatDistribution(-10, 10),
  kind: categoricalDistribution(['a', 'b']),
};

describe('ask/tell', () => {
  it('samples a given space at ask time and accepts tells in any order', async () => {
    const study = await createStudy({ sampler: new TpeSampler({ seed: 1, nStartupTrials: 3 }) });
    const asked = [];
    for (let i = 0; i < 6; i++) asked.push(await study.ask(space));
    expect(asked.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const trial of [...asked].reverse()) {
      const x = trial.currentParams['x'] as number;
      await study.tell(trial.number, x * x);
    }
    const trials = await study.getTrials();
    expect(trials.every((t) => t.state === 'COMPLETE')).toBe(true);
    expect(trials.map((t) => t.values?.[0])).toEqual(
      asked.map((t) => (t.currentParams['x'] as number) ** 2),
    );
  });

  it('gives concurrent asks distinct numbers and finishes every trial told', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 2 }) });
    const trials = await Promise.all(Array.from({ length: 10 }, () => study.ask(space)));
    expect(new Set(trials.map((t) => t.number)).size).toBe(10);
    await Promise.all(trials.map((t, i) => study.tell(t.number, i % 3 === 0 ? 'PRUNED' : i)));
    const states = (await study.getTrials()).map((t) => t.state);
    expect(states.filter((s) => s === 'PRUNED')).toHaveLength(4);
    expect(states.filter((s) => s === 'COMPLETE')).toHaveLength(6);
  });

  it('lets two workers share one stored study and claim each enqueued trial once', async () => {
    const storage = new InMemoryStorage();
    const a = await createStudy({ studyName: 'shared', storage, sampler: new RandomSampler() });
    const b = await loadStudy({ studyName: 'shared', storage, sampler: new RandomSampler() });
    for (let i = 0; i < 4; i++) await a.enqueueTrial({ x: i });
    const claimed = await Promise.all([a.ask(space), b.ask(space), a.ask(space), b.ask(space)]);
    expect(claimed.map((t) => t.currentParams['x']).sort()).toEqual([0, 1, 2, 3]);
    await b.tell(claimed[0].number, 1);
    await a.tell(claimed[1].number, 2);
    expect((await a.getTrials(['COMPLETE'])).map((t) => t.number).sort()).toEqual([0, 1]);
    await expect(loadStudy({ studyName: 'missing', storage })).rejects.toThrow(
      'Record does not exist. (study_name=missing)',
    );
  });

  it('runs nJobs concurrent workers for exactly nTrials trials', async () => {
    const study = await createStudy({ sampler: new TpeSampler({ seed: 3, constantLiar: true }) });
    let running = 0;
    let maxRunning = 0;
    await study.optimize(
      async (trial) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const x = await trial.suggestFloat('x', -1, 1);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        return x * x;
      },
      { nTrials: 25, nJobs: 4 },
    );
    expect(await study.getTrials(['COMPLETE'])).toHaveLength(25);
    expect(maxRunning).toBe(4);
  });

  it('stops every worker after an uncaught objective error and rethrows it', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 4 }) });
    let calls = 0;
    await expect(
      study.optimize(
        async () => {
          calls += 1;
          await new Promise((resolve) => setImmediate(resolve));
          if (calls === 3) throw new Error('worker failed');
          return calls;
        },
        { nTrials: 50, nJobs: 3 },
      ),
    ).rejects.toThrow('worker failed');
    const trials = await study.getTrials();
    expect(trials.length).toBeLessThan(10);
    expect(trials.some((t) => t.state === 'RUNNING')).toBe(false);
  });
});
