import { FeatureDuck, type Frame } from '../testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const long: Frame = {
  columns: { site: 'VARCHAR', var: 'VARCHAR', v: 'DOUBLE' },
  rows: [
    ['s2', 'flow', 5],
    ['s1', 'flow', 1],
    ['s1', 'temp', 10],
    ['s1', 'flow', 2],
    ['s2', 'rain', 7],
  ],
};

describe('reshape steps', () => {
  it('groups with aggregates, rows ordered by key', async () => {
    const { rows, columns } = await duck.run(long, [
      {
        op: 'reshape.group_by',
        params: {
          by: ['site'],
          aggregations: [
            { column: 'v', fn: 'sum' },
            { column: 'v', fn: 'count' },
            { column: 'var', fn: 'first' },
          ],
        },
      },
    ]);
    expect(columns).toEqual(['site', 'v_sum', 'v_count', 'var']);
    expect(rows).toEqual([
      { site: 's1', v_sum: 13, v_count: 3, var: 'flow' },
      { site: 's2', v_sum: 12, v_count: 2, var: 'flow' },
    ]);
  });

  it('pivots with the values fitted once; a new value on replay is ignored', async () => {
    const { recipe, rows, columns } = await duck.run(long, [
      { op: 'reshape.pivot', params: { index: ['site'], column: 'var', value: 'v', fn: 'sum' } },
    ]);
    expect(recipe.steps[0].params.values).toEqual(['flow', 'rain', 'temp']);
    expect(columns).toEqual(['site', 'flow', 'rain', 'temp']);
    expect(rows).toEqual([
      { site: 's1', flow: 3, rain: null, temp: 10 },
      { site: 's2', flow: 5, rain: 7, temp: null },
    ]);
    const next: Frame = {
      columns: long.columns,
      rows: [
        ['s3', 'snow', 1],
        ['s3', 'flow', 4],
      ],
    };
    const again = await duck.run(next, recipe.steps);
    expect(again.rows).toEqual([{ site: 's3', flow: 4, rain: null, temp: null }]);
  });

  it('unpivots (melts) wide columns in row then column order', async () => {
    const wide: Frame = {
      columns: { id: 'INTEGER', a: 'INTEGER', b: 'DOUBLE' },
      rows: [
        [1, 10, 0.5],
        [2, null, 1.5],
      ],
    };
    const { rows, columns } = await duck.run(wide, [
      { op: 'reshape.unpivot', params: { columns: ['a', 'b'] } },
    ]);
    expect(columns).toEqual(['id', 'variable', 'value']);
    expect(rows).toEqual([
      { id: 1, variable: 'a', value: 10 },
      { id: 1, variable: 'b', value: 0.5 },
      { id: 2, variable: 'a', value: null },
      { id: 2, variable: 'b', value: 1.5 },
    ]);
  });
});
