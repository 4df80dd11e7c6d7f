import { FeatureDuck, rounded, type Frame } from '../testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const train: Frame = {
  columns: { x: 'DOUBLE', c: 'VARCHAR' },
  rows: [
    [1, 'a'],
    [2, 'a'],
    [3, 'b'],
    [4, 'a'],
    [10, 'c'],
    [null, null],
  ],
};
const fresh: Frame = {
  columns: { x: 'DOUBLE', c: 'VARCHAR' },
  rows: [
    [5, 'z'],
    [0, 'b'],
  ],
};

describe('learned scaling', () => {
  it('standard scaling uses the fitted mean and population std, also on new data', async () => {
    const { recipe, rows } = await duck.run(train, [
      { op: 'learned.scale', params: { columns: ['x'] } },
    ]);
    // mean 4, population variance (9+4+1+0+36)/5 = 10
    expect(recipe.steps[0].params).toMatchObject({ center: { x: 4 }, scale: { x: Math.sqrt(10) } });
    expect(rounded(rows.map((r) => r.x))).toEqual(
      rounded([-3, -2, -1, 0, 6].map((v) => v / Math.sqrt(10)).concat([NaN]))
        .slice(0, 5)
        .concat([null]),
    );
    const again = await duck.column(fresh, recipe.steps, 'x');
    expect(rounded(again)).toEqual(rounded([1 / Math.sqrt(10), -4 / Math.sqrt(10)]));
  });

  it('min-max and robust scaling', async () => {
    const minmax = await duck.column(
      train,
      [{ op: 'learned.scale', params: { columns: ['x'], method: 'minmax', suffix: '_s' } }],
      'x_s',
    );
    expect(rounded(minmax)).toEqual(
      [0, 1 / 9, 2 / 9, 3 / 9, 1, null].map((v) => (v === null ? null : Number(v.toFixed(6)))),
    );
    // median 3, q1 2, q3 4 -> IQR 2
    const robust = await duck.column(
      train,
      [{ op: 'learned.scale', params: { columns: ['x'], method: 'robust' } }],
      'x',
    );
    expect(robust).toEqual([-1, -0.5, 0, 0.5, 3.5, null]);
  });
});

describe('learned encoders on unseen categories', () => {
  it('one-hot buckets rare labels into other and sends unseen values there', async () => {
    const steps = [{ op: 'learned.one_hot', params: { column: 'c', maxColumns: 2 } }];
    const { recipe, rows, columns } = await duck.run(train, steps);
    expect(recipe.steps[0].params).toMatchObject({ categories: ['a', 'b'], other: true });
    expect(columns).toEqual(['x', 'c_a', 'c_b', 'c_other']);
    expect(rows.map((r) => [r.c_a, r.c_b, r.c_other])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    const again = await duck.run(fresh, recipe.steps);
    expect(again.rows.map((r) => [r.c_a, r.c_b, r.c_other])).toEqual([
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });

  it('one-hot without a bucket gives all zeros for an unseen value', async () => {
    const { recipe } = await duck.run(train, [
      { op: 'learned.one_hot', params: { column: 'c', dropOriginal: false } },
    ]);
    expect(recipe.steps[0].params).toMatchObject({ categories: ['a', 'b', 'c'], other: false });
    const again = await duck.run(fresh, recipe.steps);
    expect(again.columns).toEqual(['x', 'c', 'c_a', 'c_b', 'c_c']);
    expect(again.rows[0]).toEqual({ x: 5, c: 'z', c_a: 0, c_b: 0, c_c: 0 });
  });

  it('ordinal codes by sorted value (unseen -1) and frequency shares (unseen 0)', async () => {
    const ordinal = await duck.run(train, [
      { op: 'learned.ordinal', params: { column: 'c', as: 'code' } },
    ]);
    expect(ordinal.rows.map((r) => r.code)).toEqual([0, 0, 1, 0, 2, null]);
    expect((await duck.run(fresh, ordinal.recipe.steps)).rows.map((r) => r.code)).toEqual([-1, 1]);
    const freq = await duck.run(train, [{ op: 'learned.frequency', params: { column: 'c' } }]);
    expect(freq.rows.map((r) => r.c_freq)).toEqual([0.6, 0.6, 0.2, 0.6, 0.2, null]);
    expect((await duck.run(fresh, freq.recipe.steps)).rows.map((r) => r.c_freq)).toEqual([0, 0.2]);
  });
});

describe('binning, outliers, imputation', () => {
  it('bins by equal width, quantiles and custom edges, clipping new values', async () => {
    const width = await duck.run(train, [
      { op: 'learned.bin', params: { column: 'x', bins: 3, as: 'b' } },
    ]);
    expect(width.recipe.steps[0].params.edges).toEqual([1, 4, 7, 10]);
    expect(width.rows.map((r) => r.b)).toEqual([0, 0, 0, 1, 2, null]);
    expect((await duck.run(fresh, width.recipe.steps)).rows.map((r) => r.b)).toEqual([1, 0]);
    const quantile = await duck.run(train, [
      { op: 'learned.bin', params: { column: 'x', method: 'quantile', bins: 2, as: 'b' } },
    ]);
    expect(quantile.recipe.steps[0].params.edges).toEqual([1, 3, 10]);
    const custom = await duck.column(
      train,
      [
        {
          op: 'learned.bin',
          params: { column: 'x', method: 'custom', edges: [0, 2, 5], outside: 'null' },
        },
      ],
      'x',
    );
    expect(custom).toEqual([0, 1, 1, 1, null, null]);
  });

  it('caps or drops outliers by IQR with fitted bounds', async () => {
    // q1 2, q3 4, IQR 2 -> bounds [-1, 7]
    const capped = await duck.run(train, [{ op: 'learned.outliers', params: { columns: ['x'] } }]);
    expect(capped.recipe.steps[0].params).toMatchObject({ lower: { x: -1 }, upper: { x: 7 } });
    expect(capped.rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 7, null]);
    const dropped = await duck.column(
      train,
      [{ op: 'learned.outliers', params: { columns: ['x'], action: 'drop' } }],
      'x',
    );
    expect(dropped).toEqual([1, 2, 3, 4, null]);
    const z = await duck.run(train, [
      { op: 'learned.outliers', params: { columns: ['x'], method: 'zscore', fold: 1 } },
    ]);
    expect(rounded(z.rows.map((r) => r.x))).toEqual(rounded([1, 2, 3, 4, 4 + Math.sqrt(10), null]));
  });

  it('imputes with the statistic fitted on the training data', async () => {
    const { recipe, rows } = await duck.run(train, [
      { op: 'learned.impute', params: { columns: ['x'], statistic: 'median' } },
    ]);
    expect(rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 10, 3]);
    const next: Frame = {
      columns: { x: 'DOUBLE', c: 'VARCHAR' },
      rows: [
        [null, 'a'],
        [100, 'b'],
      ],
    };
    expect(await duck.column(next, recipe.steps, 'x')).toEqual([3, 100]);
  });
});

describe('NaN is missing in every fitted statistic (as in pandas)', () => {
  const nan: Frame = {
    columns: { x: 'DOUBLE' },
    rows: [[1], ['NaN'], [null], [3], [5]],
  };
  const run = (op: string, params: Record<string, unknown>) =>
    duck.run(nan, [{ op, params: { columns: ['x'], ...params } }]);

  it('imputes NaN and NULL with the mean of the values present', async () => {
    const { recipe, rows } = await run('learned.impute', { statistic: 'mean' });
    expect(recipe.steps[0].params.values).toEqual({ x: 3 });
    expect(rows.map((r) => r.x)).toEqual([1, 3, 3, 3, 5]);
  });

  it('scales with statistics over the values present, NaN passing through', async () => {
    const { recipe, rows } = await run('learned.scale', { method: 'standard' });
    expect(recipe.steps[0].params).toMatchObject({ center: { x: 3 } });
    expect(
      rounded([recipe.steps[0].params.scale as Record<string, number>].map((s) => s.x)),
    ).toEqual(rounded([Math.sqrt(8 / 3)]));
    expect(rows[1].x).toBe('NaN');
    expect(rows[2].x).toBeNull();
  });

  it('keeps NaN as it is when capping or dropping outliers, and bins it nowhere', async () => {
    const capped = await run('learned.outliers', {
      method: 'quantile',
      lowerQuantile: 0,
      upperQuantile: 0.5,
    });
    expect(capped.recipe.steps[0].params).toMatchObject({ lower: { x: 1 }, upper: { x: 3 } });
    expect(capped.rows.map((r) => r.x)).toEqual([1, 'NaN', null, 3, 3]);
    const dropped = await run('learned.outliers', {
      ...{ method: 'quantile', lowerQuantile: 0, upperQuantile: 0.5, action: 'drop' },
    });
    expect(dropped.rows.map((r) => r.x)).toEqual([1, 'NaN', null, 3]);
    const binned = await duck.run(nan, [
      { op: 'learned.bin', params: { column: 'x', bins: 2, as: 'b' } },
    ]);
    expect(binned.recipe.steps[0].params.edges).toEqual([1, 3, 5]);
    expect(binned.rows.map((r) => r.b)).toEqual([0, null, null, 1, 1]);
  });
});

describe('power transforms', () => {
  // Expected lambdas and values computed once with scipy 1.10.1 (Debian python3-scipy):
  //   stats.boxcox([0.5,1.2,2.3,3.1,4.8,7.5,9.9,15.2,22.0,40.1])       -> lambda 0.10014987223050545
  //   stats.yeojohnson([-3.2,-1.1,-0.4,0,0.7,1.5,2.2,4.9,8.3,13.0])      -> lambda 0.5990587574469923
  const positive = [0.5, 1.2, 2.3, 3.1, 4.8, 7.5, 9.9, 15.2, 22.0, 40.1];
  const mixed = [-3.2, -1.1, -0.4, 0.0, 0.7, 1.5, 2.2, 4.9, 8.3, 13.0];
  const frame = (xs: number[]): Frame => ({ columns: { x: 'DOUBLE' }, rows: xs.map((x) => [x]) });

  it('Box-Cox lambda matches scipy maximum likelihood', async () => {
    const { recipe, rows } = await duck.run(frame(positive), [
      { op: 'learned.power', params: { columns: ['x'], method: 'box_cox' } },
    ]);
    const lambda = (recipe.steps[0].params.lambdas as Record<string, number>).x;
    expect(Math.abs(lambda - 0.10014987223050545)).toBeLessThan(1e-6);
    expect(
      rounded(
        rows.map((r) => r.x),
        4,
      ),
    ).toEqual(
      rounded(
        [
          -0.669636, 0.183996, 0.868634, 1.197993, 1.698542, 2.232592, 2.577067, 3.128237, 3.622926,
          4.466178,
        ],
        4,
      ),
    );
  });

  it('Yeo-Johnson lambda matches scipy maximum likelihood', async () => {
    const { recipe, rows } = await duck.run(frame(mixed), [
      { op: 'learned.power', params: { columns: ['x'] } },
    ]);
    const lambda = (recipe.steps[0].params.lambdas as Record<string, number>).x;
    expect(Math.abs(lambda - 0.5990587574469923)).toBeLessThan(1e-6);
    expect(
      rounded(
        rows.map((r) => r.x),
        4,
      ),
    ).toEqual(
      rounded(
        [
          -4.616053, -1.304516, -0.429854, 0.0, 0.62466, 1.220862, 1.681488, 3.164821, 4.679765,
          6.442727,
        ],
        4,
      ),
    );
  });

  it('log and log1p map out-of-domain values to NULL; Box-Cox refuses non-positive data', async () => {
    expect(
      rounded(
        await duck.column(
          frame([Math.E, 0]),
          [{ op: 'learned.power', params: { columns: ['x'], method: 'log' } }],
          'x',
        ),
      ),
    ).toEqual([1, null]);
    expect(
      await duck.column(
        frame([0, -2]),
        [{ op: 'learned.power', params: { columns: ['x'], method: 'log1p' } }],
        'x',
      ),
    ).toEqual([0, null]);
    await expect(
      duck.run(frame([1, 0]), [
        { op: 'learned.power', params: { columns: ['x'], method: 'box_cox' } },
      ]),
    ).rejects.toThrow(/positive/);
  });
});
