import { FeatureDuck, type Frame } from '../testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const frame: Frame = {
  columns: {
    y: 'DOUBLE',
    a: 'DOUBLE',
    b: 'DOUBLE',
    a2: 'DOUBLE',
    k: 'INTEGER',
    c: 'VARCHAR',
    n: 'DOUBLE',
  },
  rows: [
    [1, 1, 5, 1, 7, 'u', null],
    [2, 2, 1, 2, 7, 'u', null],
    [3, 3, 4, 3, 7, 'v', null],
    [4, 4.1, 2, 4.1, 7, 'v', null],
  ],
};

describe('selection helpers', () => {
  it('drops constant columns (all-NULL included), fitted once', async () => {
    const { recipe, columns } = await duck.run(frame, [
      { op: 'selection.drop_constant', params: {} },
    ]);
    expect(recipe.steps[0].params.drop).toEqual(['k', 'n']);
    expect(columns).toEqual(['y', 'a', 'b', 'a2', 'c']);
  });

  it('drops duplicate columns, keeping the first', async () => {
    const { columns } = await duck.run(frame, [{ op: 'selection.drop_duplicates', params: {} }]);
    expect(columns).toEqual(['y', 'a', 'b', 'k', 'c', 'n']);
  });

  it('drops highly correlated columns greedily in column order', async () => {
    const { recipe } = await duck.run(frame, [
      {
        op: 'selection.drop_correlated',
        params: { columns: ['y', 'a', 'b', 'a2'], threshold: 0.99 },
      },
    ]);
    expect(recipe.steps[0].params.drop).toEqual(['a', 'a2']);
  });

  it('ranks by correlation and keeps the top k', async () => {
    const { recipe, columns } = await duck.run(frame, [
      {
        op: 'selection.rank',
        params: { target: 'y', method: 'correlation', columns: ['b', 'a'], keepTop: 1 },
      },
    ]);
    const ranking = recipe.steps[0].params.ranking as Array<{ column: string; score: number }>;
    expect(ranking.map((r) => r.column)).toEqual(['a', 'b']);
    expect(ranking[0].score).toBeGreaterThan(0.99);
    expect(columns).toEqual(['y', 'a', 'a2', 'k', 'c', 'n']);
  });

  it('ranks by binned mutual information (a perfect predictor scores ln 2 on a balanced binary target)', async () => {
    const binary: Frame = {
      columns: { t: 'VARCHAR', same: 'VARCHAR', noise: 'VARCHAR' },
      rows: [
        ['p', 'x', 'q'],
        ['p', 'x', 'r'],
        ['n', 'z', 'q'],
        ['n', 'z', 'r'],
      ],
    };
    const { recipe } = await duck.run(binary, [{ op: 'selection.rank', params: { target: 't' } }]);
    const ranking = recipe.steps[0].params.ranking as Array<{ column: string; score: number }>;
    expect(ranking[0].column).toBe('same');
    expect(ranking[0].score).toBeCloseTo(Math.LN2, 9);
    expect(ranking[1].score).toBeCloseTo(0, 9);
  });
});
