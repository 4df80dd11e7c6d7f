import { createStudy, RandomSampler } from '@hydroml/hpo';
import type { StudyRequestDto } from '@hydroml/contracts';
import { gridSpace, suggestModel, validateSearch } from './search-space.js';

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
});
