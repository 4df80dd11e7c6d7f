import { floatDistribution, intDistribution } from '../core/distributions.js';
import { TrialPruned } from '../core/errors.js';
import { RandomSampler } from '../samplers/random-sampler.js';
import { TpeSampler } from '../samplers/tpe/tpe-sampler.js';
import { InMemoryStorage } from '../storage/in-memory-storage.js';
import { createStudy } from './create-study.js';
import { fixedTrial } from './fixed-trial.js';

describe('define-by-run optimize', () => {
  it('records params, values and the best trial of a minimisation', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    await study.optimize(
      async (trial) => {
        const x = await trial.suggestFloat('x', -5, 5);
        const n = await trial.suggestInt('n', 1, 3);
        const opt = await trial.suggestCategorical('opt', ['adam', 'sgd', null]);
        return x * x + n + (opt === 'adam' ? 0 : 1);
      },
      { nTrials: 30 },
    );
    const trials = await study.getTrials();
    expect(trials).toHaveLength(30);
    expect(trials.every((t) => t.state === 'COMPLETE')).toBe(true);
    const values = trials.map((t) => (t.values ?? [])[0]);
    expect(await study.bestValue).toBe(Math.min(...values));
    const best = await study.bestTrial;
    expect(Object.keys(best.params).sort()).toEqual(['n', 'opt', 'x']);
    expect(best.distributions['n']).toEqual(intDistribution(1, 3));
  });

  it('maximises when asked to', async () => {
    const study = await createStudy({
      direction: 'maximize',
      sampler: new RandomSampler({ seed: 2 }),
    });
    await study.optimize(async (t) => -(((await t.suggestFloat('x', 0, 1)) - 0.5) ** 2), {
      nTrials: 20,
    });
    const values = (await study.getTrials()).map((t) => (t.values ?? [])[0]);
    expect(await study.bestValue).toBe(Math.max(...values));
  });

  it('marks pruned, failed and NaN trials and keeps going when errors are caught', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 3 }) });
    let calls = 0;
    await study.optimize(
      async (trial) => {
        calls += 1;
        await trial.report(calls, 0);
        if (calls === 1) throw new TrialPruned();
        if (calls === 2) throw new Error('boom');
        return calls === 3 ? NaN : calls;
      },
      { nTrials: 4, catch: (e) => e instanceof Error && e.message === 'boom' },
    );
    const trials = await study.getTrials();
    expect(trials.map((t) => t.state)).toEqual(['PRUNED', 'FAIL', 'FAIL', 'COMPLETE']);
    expect(trials[0].values).toEqual([1]);
    expect(trials[2].systemAttrs['fail_reason']).toBe('The value NaN is not acceptable.');
  });

  it('calls callbacks with each finished trial and lets them stop the study', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 10 }) });
    const seen: number[] = [];
    await study.optimize(async (t) => t.suggestFloat('x', 0, 1), {
      nTrials: 50,
      callbacks: [
        (s, trial) => {
          seen.push(trial.number);
          if (trial.number === 4) s.stop();
        },
      ],
    });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(await study.getTrials()).toHaveLength(5);
  });

  it('starts no trial once the timeout has passed', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 11 }) });
    await study.optimize(async (t) => t.suggestFloat('x', 0, 1), { timeout: 0 });
    expect(await study.getTrials()).toHaveLength(0);
  });

  it('rethrows uncaught objective errors after marking the trial FAIL', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 4 }) });
    await expect(
      study.optimize(
        () => {
          throw new Error('bad objective');
        },
        { nTrials: 3 },
      ),
    ).rejects.toThrow('bad objective');
    expect((await study.getTrials()).map((t) => t.state)).toEqual(['FAIL']);
  });

  it('returns the same value when a name is suggested twice and rejects another kind', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 5 }) });
    const trial = await study.ask();
    const first = await trial.suggestFloat('lr', 1e-5, 1, { log: true });
    expect(await trial.suggestFloat('lr', 1e-5, 1, { log: true })).toBe(first);
    await expect(trial.suggestInt('lr', 1, 3)).rejects.toThrow(
      'Cannot set different distribution kind to the same parameter name.',
    );
    await expect(trial.suggestFloat('bad', 0, 1, { log: true })).rejects.toThrow(
      'The `low` value must be larger than 0 for a log distribution (low=0, high=1).',
    );
  });

  it('stores study user attributes', async () => {
    const study = await createStudy();
    await study.setUserAttr('dataset', 'rivers-v2');
    await study.setUserAttr('folds', 5);
    expect(await study.userAttrs).toEqual({ dataset: 'rivers-v2', folds: 5 });
  });

  it('stores intermediate values and user attributes and ignores a repeated step', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 6 }) });
    const trial = await study.ask();
    await trial.report(0.5, 0);
    await trial.report(0.7, 0);
    await trial.report(0.4, 3);
    await trial.setUserAttr('note', 'hello');
    await expect(trial.report(1, -1)).rejects.toThrow(
      'The `step` argument is -1 but cannot be negative.',
    );
    const done = await study.tell(trial.number, 0.4);
    expect([...done.intermediateValues.entries()]).toEqual([
      [0, 0.5],
      [3, 0.4],
    ]);
    expect(done.userAttrs).toEqual({ note: 'hello' });
  });
});

describe('study errors as Optuna gives them', () => {
  it('has no best trial before one completed', async () => {
    const study = await createStudy();
    await expect(study.bestTrial).rejects.toThrow('No trials are completed yet.');
  });

  it('has no single best trial with several objectives', async () => {
    const study = await createStudy({ directions: ['minimize', 'maximize'] });
    await expect(study.bestValue).rejects.toThrow(
      'A single best trial cannot be retrieved from a multi-objective study.',
    );
  });

  it('refuses to tell unknown or finished trials, unless asked to skip', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 7 }) });
    await expect(study.tell(3, 1)).rejects.toThrow(
      'Cannot tell for trial with number 3 since it has not been created.',
    );
    const trial = await study.ask();
    await study.tell(trial, 1);
    await expect(study.tell(trial.number, 2)).rejects.toThrow('Cannot tell a COMPLETE trial.');
    const skipped = await study.tell(trial.number, 2, { skipIfFinished: true });
    expect(skipped.values).toEqual([1]);
  });

  it('lets a tell that lost a race to another tell stand aside when asked to skip', async () => {
    const storage = new InMemoryStorage();
    const study = await createStudy({ storage, sampler: new RandomSampler({ seed: 7 }) });
    const trial = await study.ask();
    const write = storage.setTrialStateValues.bind(storage);
    let raced = false;
    // The trial's own tell lands between this tell's read and its write.
    storage.setTrialStateValues = async (id, state, values) => {
      if (!raced) {
        raced = true;
        await write(id, 'COMPLETE', [1]);
      }
      return write(id, state, values);
    };
    const told = await study.tell(trial.number, 'FAIL', { skipIfFinished: true });
    expect(told).toMatchObject({ state: 'COMPLETE', values: [1] });
    raced = false;
    const other = await study.ask();
    await expect(study.tell(other.number, 'FAIL')).rejects.toThrow('already finished');
  });

  it('rejects report and shouldPrune in multi-objective studies', async () => {
    const study = await createStudy({ directions: ['minimize', 'maximize'] });
    const trial = await study.ask();
    await expect(trial.report(1, 0)).rejects.toThrow(
      'Trial.report is not supported for multi-objective optimization.',
    );
    await expect(trial.shouldPrune()).rejects.toThrow(
      'Trial.should_prune is not supported for multi-objective optimization.',
    );
  });

  it('fails a trial told the wrong number of values', async () => {
    const study = await createStudy({ directions: ['minimize', 'minimize'] });
    const trial = await study.ask();
    const told = await study.tell(trial.number, [1]);
    expect(told.state).toBe('FAIL');
    expect(told.systemAttrs['fail_reason']).toBe(
      'The number of the values 1 did not match the number of the objectives 2.',
    );
  });

  it('rejects a second study with the same name unless loading it', async () => {
    const storage = new InMemoryStorage();
    const first = await createStudy({ studyName: 'same', storage });
    await expect(createStudy({ studyName: 'same', storage })).rejects.toThrow(
      "Another study with name 'same' already exists.",
    );
    const again = await createStudy({ studyName: 'same', storage, loadIfExists: true });
    await first.enqueueTrial({ x: 1 });
    expect(await again.getTrials()).toHaveLength(1);
  });
});

describe('enqueueTrial', () => {
  it('evaluates enqueued params first, then samples the rest', async () => {
    const study = await createStudy({ sampler: new TpeSampler({ seed: 8 }) });
    await study.enqueueTrial({ x: 0.25, kind: 'b' });
    await study.enqueueTrial({ x: 0.75 });
    const seen: unknown[] = [];
    await study.optimize(
      async (trial) => {
        const x = await trial.suggestFloat('x', 0, 1);
        const kind = await trial.suggestCategorical('kind', ['a', 'b']);
        seen.push([x, kind]);
        return x;
      },
      { nTrials: 3 },
    );
    expect(seen[0]).toEqual([0.25, 'b']);
    expect((seen[1] as unknown[])[0]).toBe(0.75);
    expect(await study.getTrials(['WAITING'])).toHaveLength(0);
  });

  it('lets ask() with a fixed space pick up the enqueued values', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 9 }) });
    await study.enqueueTrial({ lr: 0.01 });
    const trial = await study.ask({ lr: floatDistribution(1e-4, 1, { log: true }) });
    expect(trial.currentParams).toEqual({ lr: 0.01 });
  });
});

describe('fixedTrial', () => {
  it('replays given params and refuses unknown ones', async () => {
    const trial = await fixedTrial({ x: 0.5, kind: 'b' });
    expect(await trial.suggestFloat('x', 0, 1)).toBe(0.5);
    expect(await trial.suggestCategorical('kind', ['a', 'b'])).toBe('b');
    await expect(trial.suggestInt('n', 1, 3)).rejects.toThrow(
      "The value of the parameter 'n' is not found. Please set it at the construction of the FixedTrial object.",
    );
  });
});
