import type { Stack } from './stack.js';
import { studiesHarness, widelyVaryingRate } from './studies-harness.js';

describe('studies through the gateway: pruners', () => {
  let stack: Stack;
  const { spec, startStudy, studyOf, start } = studiesHarness();

  beforeAll(async () => {
    ({ stack } = await start());
  }, 60_000);
  afterAll(() => stack.close());

  it('refuses a pruner with hold-out validation, which reports no intermediate values', async () => {
    const res = await startStudy({
      spec: { ...spec(), validation: { mode: 'holdout' } },
      search: [...widelyVaryingRate],
      pruner: { type: 'median' },
      budget: { trials: 3 },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/median pruner needs intermediate values/);
    expect(res.body.message).toMatch(/k-fold or time-series cross-validation/);
    const noValidation: Record<string, unknown> = { ...spec() };
    delete noValidation.validation; // hold-out is the default
    await startStudy({
      spec: noValidation,
      search: [...widelyVaryingRate],
      pruner: { type: 'successive_halving' },
      budget: { trials: 3 },
    }).expect(400);
  });

  /** A finished study of `trials` one-at-a-time trials with the pruner, all trials run. */
  async function prunedStudy(pruner: string, seed: number, trials: number) {
    const study = await studyOf({
      spec: spec(),
      search: [...widelyVaryingRate],
      sampler: { type: 'random', seed },
      pruner: { type: pruner },
      budget: { trials },
      parallelism: 1,
    });
    expect({ status: study.status, pruner: study.pruner }).toEqual({ status: 'FINISHED', pruner });
    expect(study.trials).toHaveLength(trials);
    return study;
  }

  it('prunes clearly worse trials with the median pruner over k-fold scores', async () => {
    const study = await prunedStudy('median', 11, 14);
    const complete = study.trials.filter((t) => t.state === 'COMPLETE');
    const pruned = study.trials.filter((t) => t.state === 'PRUNED');
    expect(complete.length).toBeGreaterThanOrEqual(5);
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of complete) expect(t.intermediate.map(([step]) => step)).toEqual([0, 1, 2]);
    // The median pruner needs its 5 start-up trials to complete before it prunes.
    const fifthComplete = complete[4].number;
    for (const t of pruned) {
      expect(t.number).toBeGreaterThan(fifthComplete);
      // Its best score so far fell below the median of the earlier complete trials at that step.
      const step = t.intermediate.at(-1)![0];
      const best = Math.max(...t.intermediate.map(([, v]) => v));
      const earlier = complete
        .filter((c) => c.number < t.number)
        .map((c) => c.intermediate[step][1])
        .sort((a, b) => a - b);
      const middle = (earlier.length - 1) / 2;
      const median = (earlier[Math.floor(middle)] + earlier[Math.ceil(middle)]) / 2;
      expect(best).toBeLessThan(median);
    }
  }, 240_000);

  it('prunes with successive halving: only trials at the top of their rung go on', async () => {
    const study = await prunedStudy('successive_halving', 4, 8);
    const pruned = study.trials.filter((t) => t.state === 'PRUNED');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) {
      // Rung 0 is fold 2 (step 1): a pruned trial never reached its third fold.
      expect(t.intermediate.map(([step]) => step)).toEqual([0, 1]);
      // Not the best at rung 0: an earlier trial scored higher on its second fold.
      const rival = study.trials.filter((o) => o.number < t.number && o.intermediate[1]);
      expect(t.intermediate[1][1]).toBeLessThan(
        Math.max(...rival.map((o) => o.intermediate[1][1])),
      );
    }
    expect(study.plots.intermediate.filter((p) => p.state === 'PRUNED')).toHaveLength(
      pruned.length,
    );
  }, 240_000);
});
