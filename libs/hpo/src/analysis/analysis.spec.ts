import { RandomSampler } from '../samplers/random-sampler.js';
import type { Sampler } from '../samplers/sampler.js';
import { TpeSampler } from '../samplers/tpe/tpe-sampler.js';
import type { Trial } from '../study/trial.js';
import { createStudy } from '../study/create-study.js';
import { hypervolume } from './hypervolume.js';
import { parameterImportance } from './importance.js';
import { dominates, nonDominatedRanks, paretoFront } from './pareto.js';
import {
  contourData,
  intermediateValues,
  optimizationHistory,
  parallelCoordinates,
  sliceData,
} from './plot-data.js';

describe('Pareto front', () => {
  it('ranks points by non-domination', () => {
    expect(dominates([1, 1], [2, 1])).toBe(true);
    expect(dominates([1, 1], [1, 1])).toBe(false);
    expect(
      nonDominatedRanks([
        [1, 4],
        [2, 2],
        [4, 1],
        [3, 3],
        [5, 5],
      ]),
    ).toEqual([0, 0, 0, 1, 2]);
  });

  it('returns exactly the non-dominated trials of a two-objective study', async () => {
    const study = await createStudy({
      directions: ['minimize', 'maximize'],
      sampler: new TpeSampler({ seed: 1 }),
    });
    await study.optimize(
      async (t) => {
        const x = await t.suggestFloat('x', 0, 1);
        const y = await t.suggestFloat('y', 0, 1);
        return [x * x + y, (1 - x) * (1 - x) + y > 1 ? 0 : 1 - (1 - x) ** 2 - y];
      },
      { nTrials: 40 },
    );
    const front = await study.bestTrials;
    const all = await study.getTrials(['COMPLETE']);
    const asMin = (v: readonly number[]) => [v[0], -v[1]];
    for (const t of all) {
      const dominated = all.some((o) => dominates(asMin(o.values ?? []), asMin(t.values ?? [])));
      expect(front.includes(t)).toBe(!dominated);
    }
    expect(front.length).toBeGreaterThan(2);
    expect(paretoFront(all, ['minimize', 'maximize'])).toEqual(front);
  });

  it('treats maximisation directions correctly', () => {
    const base = {
      trialId: 't0',
      state: 'COMPLETE' as const,
      params: {},
      internalParams: {},
      distributions: {},
      intermediateValues: new Map<number, number>(),
      userAttrs: {},
      systemAttrs: {},
      datetimeStart: null,
      datetimeComplete: null,
    };
    const a = { ...base, number: 0, values: [1, 5] };
    const b = { ...base, number: 1, values: [1, 3] };
    expect(paretoFront([a, b], ['minimize', 'maximize'])).toEqual([a]);
    expect(paretoFront([a, b], ['minimize', 'minimize'])).toEqual([b]);
  });
});

describe('multi-objective TPE', () => {
  it('reaches a larger hypervolume than random search on ZDT1 (median of 5 seeds)', async () => {
    const zdt1 = async (t: Trial): Promise<number[]> => {
      const x = await t.suggestFloat('x', 0, 1);
      const y = await t.suggestFloat('y', 0, 1);
      const g = 1 + 9 * y;
      return [x, g * (1 - Math.sqrt(x / g))];
    };
    const volume = async (sampler: Sampler): Promise<number> => {
      const study = await createStudy({ directions: ['minimize', 'minimize'], sampler });
      await study.optimize(zdt1, { nTrials: 60 });
      return hypervolume(
        (await study.bestTrials).map((t) => [...(t.values ?? [])]),
        [1.1, 11],
      );
    };
    const tpe: number[] = [];
    const random: number[] = [];
    for (let seed = 0; seed < 5; seed++) {
      tpe.push(await volume(new TpeSampler({ seed })));
      random.push(await volume(new RandomSampler({ seed })));
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[2];
    expect(median(tpe)).toBeGreaterThan(median(random));
  });
});

describe('parameter importance', () => {
  it('rates the parameter that drives the objective far above a noise parameter', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 3 }) });
    await study.optimize(
      async (t) => {
        const strong = await t.suggestFloat('strong', -5, 5);
        const weak = await t.suggestFloat('weak', -5, 5);
        const kind = await t.suggestCategorical('kind', ['a', 'b']);
        return strong * strong + 0.01 * weak + (kind === 'a' ? 0 : 6);
      },
      { nTrials: 200 },
    );
    const importance = parameterImportance(await study.getTrials());
    expect(Object.keys(importance)).toEqual(['strong', 'kind', 'weak']);
    expect(importance['strong']).toBeGreaterThan(0.5);
    expect(importance['weak']).toBeLessThan(0.1);
    const sum = Object.values(importance).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1);
  });
});

describe('plot data', () => {
  it('derives history, coordinates, slices, contours and learning curves', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 4 }) });
    const values = [5, 3, 4, 1];
    for (const [i, value] of values.entries()) {
      const trial = await study.ask();
      await trial.suggestFloat('x', 0, 1);
      if (i % 2 === 0) await trial.suggestInt('n', 1, 3);
      await trial.report(value + 1, 0);
      await trial.report(value, 1);
      await study.tell(trial.number, value);
    }
    const failed = await study.ask();
    await study.tell(failed.number, 'FAIL');
    const trials = await study.getTrials();
    expect(optimizationHistory(trials).map((p) => p.best)).toEqual([5, 3, 3, 1]);
    expect(optimizationHistory(trials, 'maximize').map((p) => p.best)).toEqual([5, 5, 5, 5]);
    const coords = parallelCoordinates(trials);
    expect(coords.params).toEqual(['n', 'x']);
    expect(coords.rows.map((r) => r.value)).toEqual(values);
    const slices = sliceData(trials);
    expect(slices['x']).toHaveLength(4);
    expect(slices['n'].map((p) => p.number)).toEqual([0, 2]);
    expect(contourData(trials, 'x', 'n').z).toEqual([5, 4]);
    expect(intermediateValues(trials)[3].steps).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });
});
