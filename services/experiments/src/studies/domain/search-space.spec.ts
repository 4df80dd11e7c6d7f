import { createStudy, RandomSampler } from '@hydroml/hpo';
import type { StudyRequestDto } from '@hydroml/contracts';
import {
  gridSize,
  gridSpace,
  suggestModel,
  trialBudget,
  validatePruner,
  validateSearch,
} from './search-space.js';

function request(over: Partial<StudyRequestDto>): StudyRequestDto {
  return {
    spec: { dataSourceId: 'd', version: 1, target: 'y', model: { type: 'gradient_boosting' } },
    search: [],
    budget: { trials: 5 },
    ...over,
  };
}

describe('study search spaces', () => {
  it('suggests only the parameters of the chosen model type', async () => {
    const r = request({
      modelTypes: ['gradient_boosting', 'random_forest'],
      search: [
        {
          name: 'learningRate',
          type: 'float',
          low: 0.01,
          high: 0.3,
          log: true,
          models: ['gradient_boosting'],
        },
        {
          name: 'nEstimators',
          type: 'int',
          low: 10,
          high: 50,
          step: 10,
          models: ['random_forest'],
        },
        { name: 'maxDepth', type: 'categorical', choices: [3, 6] },
      ],
    });
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    for (let i = 0; i < 6; i++) {
      const model = await suggestModel(await study.ask(), r);
      const own = model.type === 'random_forest' ? 'nEstimators' : 'learningRate';
      expect(Object.keys(model.params).sort()).toEqual([own, 'maxDepth'].sort());
    }
  });

  it('rejects incomplete parameters and grids without steps', () => {
    expect(() => validateSearch(request({ search: [{ name: 'a', type: 'float' }] }))).toThrow(
      /low and high/,
    );
    expect(() =>
      validateSearch(
        request({ search: [{ name: 'a', type: 'float', low: 0, high: 1, log: true }] }),
      ),
    ).toThrow(/low > 0/);
    const grid = request({
      sampler: { type: 'grid' },
      search: [{ name: 'a', type: 'float', low: 0, high: 1 }],
    });
    expect(() => validateSearch(grid)).toThrow(/needs a step/);
    expect(gridSpace(request({ search: [{ name: 'k', type: 'int', low: 1, high: 3 }] }))).toEqual({
      k: [1, 2, 3],
    });
  });

  it('refuses a pruner when the validation reports no intermediate values (hold-out)', () => {
    const spec = request({}).spec;
    const pruned = (mode?: 'holdout' | 'kfold' | 'timeseries') =>
      request({
        pruner: { type: 'median' },
        spec: { ...spec, ...(mode ? { validation: { mode, folds: 3 } } : {}) },
      });
    expect(() => validatePruner(pruned())).toThrow(/k-fold or time-series cross-validation/);
    expect(() => validateSearch(pruned('holdout'))).toThrow(/median pruner needs intermediate/);
    const halving = { ...pruned('holdout'), pruner: { type: 'successive_halving' as const } };
    expect(() => validatePruner(halving)).toThrow(/successive_halving pruner/);
    expect(() => validatePruner(pruned('kfold'))).not.toThrow();
    expect(() => validatePruner(pruned('timeseries'))).not.toThrow();
    expect(() => validatePruner(request({ pruner: { type: 'none' } }))).not.toThrow();
    expect(() => validatePruner(request({}))).not.toThrow();
  });

  it('caps a grid study at its number of points and defaults other budgets', () => {
    const search: StudyRequestDto['search'] = [
      { name: 'a', type: 'categorical', choices: ['x', 'y', 'z'] },
      { name: 'k', type: 'int', low: 4, high: 8, step: 4 },
    ];
    const grid = request({ sampler: { type: 'grid' }, search, budget: {} });
    expect(gridSize(grid)).toBe(6);
    expect(trialBudget(grid)).toBe(6);
    expect(trialBudget({ ...grid, budget: { trials: 50 } })).toBe(6);
    expect(trialBudget({ ...grid, budget: { trials: 4 } })).toBe(4);
    expect(trialBudget({ ...grid, modelTypes: ['ridge', 'lasso'] })).toBe(12);
    expect(gridSize(request({ search }))).toBeNull();
    expect(trialBudget(request({ search, budget: {} }))).toBe(20);
    expect(trialBudget(request({ search, budget: { timeoutSeconds: 5 } }))).toBe(10_000);
    expect(trialBudget(request({ search, budget: { trials: 7, timeoutSeconds: 5 } }))).toBe(7);
  });
});
