import type { StudyDirection } from '../core/trial-model.js';
import { createStudy } from '../study/create-study.js';
import { RandomSampler } from '../samplers/random-sampler.js';
import { HyperbandPruner } from './hyperband-pruner.js';
import { MedianPruner, PercentilePruner, percentileOf } from './percentile-pruner.js';
import type { Pruner } from './pruner.js';
import { SuccessiveHalvingPruner } from './successive-halving-pruner.js';

// Expected decisions were produced by Optuna 3.1 on the very same curves (see bench/hpo/README.md).

const COMPLETED = [
  [5, 4, 3, 2, 1],
  [6, 5, 4, 3, 2],
  [4, 3.5, 3, 2.5, 2],
  [7, 6, 5, 4, 3],
  [5, 5, 5, 5, 5],
];
const PROBE = [5.5, 4.2, 3.9, 3.0, 2.4];

/** Completes the given curves, then reports the probe step by step and records shouldPrune. */
async function probeDecisions(pruner: Pruner, completed: number[][]): Promise<boolean[]> {
  const study = await createStudy({ studyName: 'median', pruner, sampler: new RandomSampler() });
  for (const curve of completed) {
    const trial = await study.ask();
    for (const [step, value] of curve.entries()) await trial.report(value, step);
    await study.tell(trial.number, curve[curve.length - 1]);
  }
  const probe = await study.ask();
  const decisions: boolean[] = [];
  for (const [step, value] of PROBE.entries()) {
    await probe.report(value, step);
    decisions.push(await probe.shouldPrune());
  }
  return decisions;
}

const OFFSETS = [0.5, 0.3, 0.8, 0.1, 0.6, 0.2, 0.9, 0.4, 0.05, 0.7, 0.35, 0.15];

/** Runs 12 trials with curves a + 1/(step+1); returns the step each was pruned at (-1: completed). */
async function pruneSteps(
  pruner: Pruner,
  studyName: string,
  direction: StudyDirection = 'minimize',
): Promise<number[]> {
  const study = await createStudy({ studyName, pruner, direction, sampler: new RandomSampler() });
  const result: number[] = [];
  for (const offset of OFFSETS) {
    const trial = await study.ask();
    let pruned = -1;
    let value = NaN;
    for (let step = 0; step < 21 && pruned < 0; step++) {
      value = (offset + 1 / (step + 1)) * (direction === 'maximize' ? -1 : 1);
      await trial.report(value, step);
      if (await trial.shouldPrune()) pruned = step;
    }
    await study.tell(trial.number, pruned >= 0 ? 'PRUNED' : value);
    result.push(pruned);
  }
  return result;
}

describe('MedianPruner', () => {
  it('prunes a trial worse than the median of completed trials at the same step', async () => {
    expect(await probeDecisions(new MedianPruner(), COMPLETED)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('does not prune during warm-up steps', async () => {
    expect(await probeDecisions(new MedianPruner({ nWarmupSteps: 2 }), COMPLETED)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('only judges the first report of each interval', async () => {
    expect(await probeDecisions(new MedianPruner({ intervalSteps: 2 }), COMPLETED)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('never prunes before five trials completed', async () => {
    const decisions = await probeDecisions(new MedianPruner(), COMPLETED.slice(0, 4));
    expect(decisions).toEqual([false, false, false, false, false]);
  });

  it('prunes against the 25th percentile with PercentilePruner', async () => {
    expect(await probeDecisions(new PercentilePruner(25), COMPLETED)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('interpolates percentiles linearly like numpy', () => {
    expect(percentileOf([4, 5, 5, 6, 7], 50)).toBe(5);
    expect(percentileOf([1, 2, 3, 4], 25)).toBeCloseTo(1.75);
    expect(() => new PercentilePruner(101)).toThrow(
      'Percentile must be between 0 and 100 inclusive but got 101.',
    );
  });
});

describe('SuccessiveHalvingPruner', () => {
  it('prunes at the rungs Optuna prunes at (reduction factor 4)', async () => {
    const pruner = new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 4 });
    expect(await pruneSteps(pruner, 'sh')).toEqual([-1, -1, 1, -1, 1, 1, 1, 1, -1, 1, 1, 4]);
  });

  it('prunes at the rungs Optuna prunes at (reduction factor 2, either direction)', async () => {
    const expected = [-1, -1, 1, -1, 1, -1, 1, 2, -1, 1, 2, -1];
    const options = { minResource: 1, reductionFactor: 2 };
    expect(await pruneSteps(new SuccessiveHalvingPruner(options), 'sh')).toEqual(expected);
    const maximize = await pruneSteps(new SuccessiveHalvingPruner(options), 'sh', 'maximize');
    expect(maximize).toEqual(expected);
  });

  it('estimates the minimum resource from completed trials by default', async () => {
    const steps = await pruneSteps(new SuccessiveHalvingPruner(), 'sh');
    expect(steps).toEqual([-1, -1, 1, -1, 1, 1, 1, 1, -1, 1, 1, 1]);
  });
});

describe('HyperbandPruner', () => {
  it('assigns brackets by CRC32 of the study name and trial number, as Optuna', async () => {
    const pruner = new HyperbandPruner({ minResource: 1, maxResource: 21, reductionFactor: 3 });
    await pruneSteps(pruner, 'hb-study');
    expect(pruner.nBrackets).toBe(3);
    const brackets = Array.from({ length: 12 }, (_, i) => pruner.bracketOf('hb-study', i));
    expect(brackets).toEqual([1, 0, 0, 2, 0, 2, 0, 0, 2, 2, 0, 0]);
  });

  it('prunes the trials Optuna prunes', async () => {
    const rf3 = new HyperbandPruner({ minResource: 1, maxResource: 21, reductionFactor: 3 });
    expect(await pruneSteps(rf3, 'hb-study')).toEqual([-1, -1, 1, -1, 1, 9, 1, 1, -1, 9, 3, -1]);
    const rf2 = new HyperbandPruner({ minResource: 1, maxResource: 21, reductionFactor: 2 });
    expect(await pruneSteps(rf2, 'hb-study')).toEqual([
      -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 4, -1,
    ]);
  });
});
