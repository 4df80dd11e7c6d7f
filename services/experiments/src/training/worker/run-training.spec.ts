import { trainingColumn } from '../data/columns.js';
import { progressOf } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput } from '../domain/train-types.js';
import {
  runTraining,
  runTrainingOnThread,
  TrainingStopped,
  workerAvailable,
} from './run-training.js';

const n = 4000;
const x = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
const z = Array.from({ length: n }, (_, i) => (i * 104_729) % 997);

function input(nEstimators: number): TrainInput {
  return {
    features: [trainingColumn('x', false, x), trainingColumn('z', false, z)],
    target: Float64Array.from(x, (v, i) => Math.sin(v / 50) + z[i] / 500),
    targetName: 'flow',
    settings: {
      task: 'regression',
      model: { type: 'random_forest', params: { nEstimators, seed: 1 } },
      split: { mode: 'random', testFraction: 0.25, seed: 1 },
      validation: { mode: 'holdout', folds: 3 },
      metrics: ['r2'],
      threads: 1,
      skipExplanations: true,
    },
  };
}

describe('runTraining on this thread', () => {
  it('hands on thinned tree progress of a long fit, in order, before the fit`s own events', async () => {
    const events: TrainEvent[] = [];
    const started = performance.now();
    const output = await runTrainingOnThread(input(150), {
      onEvent: (e) => (events.push(e), 'continue'),
    });
    const seconds = (performance.now() - started) / 1000;
    const trees = events.filter((e) => e.type === 'trees');
    expect(output.test.r2).toBeGreaterThan(0.5);
    // at most one per 250 ms and per 2 % (3 trees) of the fit
    expect(trees.length).toBeGreaterThan(0);
    expect(trees.length).toBeLessThanOrEqual(Math.ceil(seconds * 4));
    expect(trees.every((e) => e.fold === null && e.folds === 0 && e.total === 150)).toBe(true);
    const fold = events.findIndex((e) => e.type === 'fold');
    expect(events.findIndex((e) => e.type === 'trees')).toBeGreaterThan(0); // after 'final fit'
    expect(events.findLastIndex((e) => e.type === 'trees')).toBeLessThan(fold);
    const fractions = events.map((e) => progressOf(e).fraction);
    fractions.slice(1).forEach((f, i) => expect(f).toBeGreaterThanOrEqual(fractions[i]));
    expect(progressOf(trees[0]).message).toMatch(/^final model, tree \d+ of 150$/);
  }, 60_000);

  it('stops at a tree event answered with stop', async () => {
    const answered: TrainEvent[] = [];
    const run = runTrainingOnThread(input(150), {
      onEvent: (e) => (answered.push(e), e.type === 'trees' ? 'stop' : 'continue'),
    });
    await expect(run).rejects.toBeInstanceOf(TrainingStopped);
    expect(answered.at(-1)?.type).toBe('trees');
  }, 60_000);

  it('hands the model over to be stored and resolves only once it is', async () => {
    let stored: Uint8Array | null = null;
    const output = await runTrainingOnThread(input(5), {
      onModel: async (model) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        stored = model;
      },
    });
    expect(stored).toBe(output.model);
    expect(JSON.parse(new TextDecoder().decode(output.model))).toHaveProperty('model');
  });

  it('fails with the error of storing the model', async () => {
    const run = runTrainingOnThread(input(5), {
      onModel: () => Promise.reject(new Error('blob store down')),
    });
    await expect(run).rejects.toThrow('blob store down');
  });
});

// Tests run from the TypeScript sources; `npm test` builds first, so the compiled worker exists.
describe('runTraining in a worker thread', () => {
  it('finds the compiled worker, so the service (and these tests) train off the main thread', () => {
    expect(workerAvailable()).toBe(true);
  });

  it('keeps this thread free while the worker fits, and hands on its events and model', async () => {
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 5);
    const events: TrainEvent[] = [];
    let stored: Uint8Array | null = null;
    const output = await runTraining(input(150), {
      onEvent: (e) => (events.push(e), 'continue'),
      onModel: (model) => ((stored = model), Promise.resolve()),
    });
    clearInterval(ticking);
    expect(output.test.r2).toBeGreaterThan(0.5);
    expect(stored).toBe(output.model);
    expect(events.some((e) => e.type === 'trees')).toBe(true);
    // On this thread the 150-tree fit would block the timer until it ended (at most one tick).
    expect(ticks).toBeGreaterThan(10);
  }, 60_000);

  it('stops the worker at once when the signal aborts', async () => {
    const controller = new AbortController();
    const run = runTraining(input(5000), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'trees') controller.abort();
        return 'continue';
      },
    });
    await expect(run).rejects.toThrow('training stopped: cancelled');
  }, 60_000);
});
