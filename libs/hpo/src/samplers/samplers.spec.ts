import type { ParamValue } from '../core/distributions.js';
import { floatDistribution, intDistribution } from '../core/distributions.js';
import { createStudy } from '../study/create-study.js';
import type { Trial } from '../study/trial.js';
import { GridSampler } from './grid-sampler.js';
import { RandomSampler } from './random-sampler.js';
import type { Sampler } from './sampler.js';
import { OPTUNA_TPE_OPTIONS } from './tpe/tpe-options.js';
import { TpeSampler } from './tpe/tpe-sampler.js';
import {
  defaultGamma,
  defaultWeights,
  keepHaving,
  splitTrials,
  usableTrials,
} from './tpe/tpe-split.js';

async function quadratic(trial: Trial): Promise<number> {
  const x = await trial.suggestFloat('x', -10, 10);
  const y = await trial.suggestFloat('y', -10, 10);
  return (x - 3) ** 2 + (y + 2) ** 2;
}

async function mixed(trial: Trial): Promise<number> {
  const x = await trial.suggestFloat('x', -5, 5);
  const kind = await trial.suggestCategorical('kind', ['quad', 'abs', 'const']);
  if (kind === 'quad') return (x - 1) ** 2 + ((await trial.suggestInt('k', 0, 10)) - 7) ** 2;
  if (kind === 'abs')
    return 2 + Math.abs(x) * (await trial.suggestFloat('s', 0.1, 10, { log: true }));
  return 5;
}

async function bestOf(sampler: Sampler, objective: (t: Trial) => Promise<number>, n: number) {
  const study = await createStudy({ sampler });
  await study.optimize(objective, { nTrials: n });
  return { best: await study.bestValue, trials: await study.getTrials() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

const paramsOf = (trials: readonly { params: Readonly<Record<string, ParamValue>> }[]) =>
  trials.map((t) => t.params);

describe('seeded reproducibility', () => {
  it.each([
    ['random', (seed: number) => new RandomSampler({ seed })],
    ['tpe', (seed: number) => new TpeSampler({ seed })],
    ['multivariate tpe', (seed: number) => new TpeSampler({ seed, multivariate: true })],
  ])('%s repeats a study exactly from its seed', async (_name, make) => {
    const first = await bestOf(make(11), mixed, 25);
    const second = await bestOf(make(11), mixed, 25);
    const other = await bestOf(make(12), mixed, 25);
    expect(paramsOf(second.trials)).toEqual(paramsOf(first.trials));
    expect(paramsOf(other.trials)).not.toEqual(paramsOf(first.trials));
  });
});

describe('TpeSampler', () => {
  it('beats random search on a seeded quadratic over 8 seeds', async () => {
    const tpe: number[] = [];
    const random: number[] = [];
    for (let seed = 0; seed < 8; seed++) {
      tpe.push((await bestOf(new TpeSampler({ seed }), quadratic, 60)).best);
      random.push((await bestOf(new RandomSampler({ seed }), quadratic, 60)).best);
    }
    expect(median(tpe)).toBeLessThan(median(random) / 3);
    expect(tpe.filter((v, i) => v < random[i]).length).toBeGreaterThanOrEqual(6);
  });

  it('handles categorical and conditional parameters and finds the best branch', async () => {
    const { best, trials } = await bestOf(new TpeSampler({ seed: 3 }), mixed, 80);
    const late = trials.slice(40).filter((t) => t.params['kind'] === 'quad');
    expect(late.length).toBeGreaterThan(20);
    expect(trials.every((t) => t.params['kind'] !== 'quad' || !('s' in t.params))).toBe(true);
    expect(best).toBeLessThan(1);
  });

  it('finds good optima in Optuna mode and with Optuna multivariate bandwidths too', async () => {
    const optunaMode: number[] = [];
    const scott: number[] = [];
    for (let seed = 0; seed < 5; seed++) {
      const options = { seed, ...OPTUNA_TPE_OPTIONS };
      optunaMode.push((await bestOf(new TpeSampler(options), quadratic, 60)).best);
      const scottOptions = { ...options, multivariate: true };
      scott.push((await bestOf(new TpeSampler(scottOptions), quadratic, 60)).best);
    }
    expect(median(optunaMode)).toBeLessThan(0.5);
    expect(median(scott)).toBeLessThan(1);
  });

  it('models conditional parameters per group with group: true', async () => {
    const sampler = new TpeSampler({ seed: 9, group: true });
    const study = await createStudy({ sampler });
    await study.optimize(mixed, { nTrials: 60 });
    const trials = await study.getTrials();
    const view = { studyName: study.studyName, directions: study.directions, trials };
    const space = sampler.inferRelativeSearchSpace(view);
    expect(Object.keys(space).sort()).toEqual(['k', 'kind', 's', 'x']);
    const relative = sampler.sampleRelative(view, trials[0], space);
    expect(Object.keys(relative).sort()).toEqual(['k', 'kind', 's', 'x']);
    expect(await study.bestValue).toBeLessThan(3);
  });

  it('uses random sampling for the 10 start-up trials', async () => {
    const study = await createStudy({ sampler: new TpeSampler({ seed: 4 }) });
    const random = await createStudy({ sampler: new RandomSampler({ seed: 4 }) });
    await study.optimize(quadratic, { nTrials: 10 });
    await random.optimize(quadratic, { nTrials: 10 });
    expect(paramsOf(await study.getTrials())).toEqual(paramsOf(await random.getTrials()));
  });

  it('counts running trials as bad results only with a constant liar', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 5 }) });
    await study.optimize(quadratic, { nTrials: 12 });
    const running = await study.ask();
    await quadratic(running);
    const current = await study.ask();
    const view = await study.getTrials();
    const currentFrozen = view[current.number];
    const space = { x: floatDistribution(-10, 10) };
    const withLiar = usableTrials(view, currentFrozen, space, true);
    const withoutLiar = usableTrials(view, currentFrozen, space, false);
    expect(withLiar.map((t) => t.number)).toContain(running.number);
    expect(withoutLiar.map((t) => t.number)).not.toContain(running.number);
    expect(withLiar.map((t) => t.number)).not.toContain(current.number);
    const { below, above } = splitTrials(withLiar, ['minimize'], defaultGamma(12));
    expect(below).toHaveLength(2);
    expect(above.map((t) => t.number)).toContain(running.number);
  });

  it('keeps stepped, int and log params on their grids', async () => {
    const { trials } = await bestOf(
      new TpeSampler({ seed: 6, nStartupTrials: 3 }),
      async (t) => {
        const a = await t.suggestFloat('a', 0, 1, { step: 0.1 });
        const b = await t.suggestInt('b', 2, 20, { step: 3 });
        const c = await t.suggestInt('c', 1, 1000, { log: true });
        const d = await t.suggestFloat('d', 1e-4, 1, { log: true });
        return a + b + Math.log(c) + d;
      },
      30,
    );
    for (const t of trials) {
      const { a, b, c, d } = t.params as Record<string, number>;
      expect(Math.abs(a * 10 - Math.round(a * 10))).toBeLessThan(1e-9);
      expect((b - 2) % 3).toBe(0);
      expect(Number.isInteger(c) && c >= 1 && c <= 1000).toBe(true);
      expect(d >= 1e-4 && d <= 1).toBe(true);
    }
  });
});

describe('conditional split', () => {
  it('ranks a conditional parameter among all trials in Optuna mode', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 2 }) });
    for (let i = 0; i < 20; i++) {
      const trial = await study.ask();
      if (i % 2 === 1) await trial.suggestInt('k', 0, 10);
      await study.tell(trial.number, i % 2 === 1 ? 100 + i : i);
    }
    const trials = await study.getTrials();
    const current = await study.ask();
    const space = { k: intDistribution(0, 10) };
    const having = usableTrials(trials, trials[0], space, false);
    const all = usableTrials(trials, trials[0], {}, false);
    expect(having).toHaveLength(10);
    expect(all).toHaveLength(19);
    const optunaSplit = keepHaving(splitTrials(all, ['minimize'], defaultGamma(19)), having);
    expect(optunaSplit.below).toHaveLength(0);
    const ownSplit = splitTrials(having, ['minimize'], defaultGamma(10));
    expect(ownSplit.below.map((t) => t.number)).toEqual([1]);
    expect(current.number).toBe(20);
  });
});

describe('TPE defaults', () => {
  it('uses gamma(n) = min(ceil(0.1 n), 25) and ramps weights of old trials past 25', () => {
    expect([1, 10, 11, 100, 251, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25, 25]);
    expect(defaultWeights(5)).toEqual([1, 1, 1, 1, 1]);
    const w = defaultWeights(30);
    expect(w).toHaveLength(30);
    expect(w[0]).toBeCloseTo(1 / 30);
    expect(w.slice(5)).toEqual(new Array<number>(25).fill(1));
  });
});

describe('GridSampler', () => {
  it('covers every grid point once, then stops the study', async () => {
    const grid = { x: [1, 2, 3], y: ['a', 'b'] };
    const study = await createStudy({ sampler: new GridSampler(grid, { seed: 1 }) });
    await study.optimize(
      async (t) => {
        const x = await t.suggestCategorical('x', [1, 2, 3]);
        const y = await t.suggestCategorical('y', ['a', 'b']);
        return x + (y === 'a' ? 0 : 10);
      },
      { nTrials: 100 },
    );
    const seen = (await study.getTrials()).map(
      (t) => `${String(t.params['x'])}${String(t.params['y'])}`,
    );
    expect(seen).toHaveLength(6);
    expect(new Set(seen)).toEqual(new Set(['1a', '2a', '3a', '1b', '2b', '3b']));
    expect(study.stopped).toBe(true);
    expect(await study.bestValue).toBe(1);
  });

  it('visits the grid in the same order for the same seed', async () => {
    const order = async (seed: number): Promise<unknown[]> => {
      const study = await createStudy({
        sampler: new GridSampler({ x: [1, 2, 3, 4, 5] }, { seed }),
      });
      await study.optimize(async (t) => t.suggestCategorical('x', [1, 2, 3, 4, 5]), { nTrials: 5 });
      return (await study.getTrials()).map((t) => t.params['x']);
    };
    expect(await order(3)).toEqual(await order(3));
    expect(await order(3)).not.toEqual(await order(4));
  });

  it('accepts numeric grids for float params and rejects unknown names', async () => {
    const study = await createStudy({ sampler: new GridSampler({ lr: [0.1, 0.01] }) });
    await study.optimize(async (t) => t.suggestFloat('lr', 1e-3, 1, { log: true }), { nTrials: 5 });
    const lrs = (await study.getTrials()).map((t) => t.params['lr']);
    expect(lrs.sort()).toEqual([0.01, 0.1]);
    const other = await createStudy({ sampler: new GridSampler({ lr: [0.1] }) });
    const trial = await other.ask();
    await expect(trial.suggestFloat('momentum', 0, 1)).rejects.toThrow(
      'The parameter name, momentum, is not found in the given grid.',
    );
  });
});
