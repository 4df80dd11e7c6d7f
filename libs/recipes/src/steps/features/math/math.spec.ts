import { FeatureDuck, rounded, type Frame } from '../testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const frame: Frame = {
  columns: { a: 'DOUBLE', b: 'INTEGER', c: 'DOUBLE', t: 'TIMESTAMP' },
  rows: [
    [1.26, 2, null, '2024-04-15 06:00:00'],
    [-3.5, 0, 4, '2024-01-03 18:00:00'],
    [null, 5, 2, '2024-07-02 00:00:00'],
  ],
};

describe('math steps', () => {
  it('aggregates across columns skipping NULLs', async () => {
    const steps = ['sum', 'mean', 'min', 'max', 'product'].map((fn) => ({
      op: 'math.aggregate',
      params: { columns: ['a', 'b', 'c'], fn, as: fn },
    }));
    const { rows } = await duck.run(frame, steps);
    expect(rounded(rows.map((r) => r.sum))).toEqual([3.26, 0.5, 7]);
    expect(rounded(rows.map((r) => r.mean))).toEqual(rounded([1.63, 0.5 / 3, 3.5]));
    expect(rows.map((r) => [r.min, r.max])).toEqual([
      [1.26, 2],
      [-3.5, 4],
      [2, 5],
    ]);
    expect(rounded(rows.map((r) => r.product))).toEqual([2.52, 0, 10]);
    const nan: Frame = {
      columns: { a: 'DOUBLE', b: 'DOUBLE' },
      rows: [
        [1, 'NaN'],
        ['NaN', 'NaN'],
      ],
    };
    const skipped = await duck.run(nan, [
      { op: 'math.aggregate', params: { columns: ['a', 'b'], fn: 'mean', as: 'm' } },
    ]);
    expect(skipped.rows.map((r) => r.m)).toEqual([1, null]);
  });

  it('relative features against a column or a constant (÷ 0 gives NULL)', async () => {
    const steps = [
      { op: 'math.relative', params: { column: 'c', reference: 'b', op: 'ratio', as: 'r' } },
      { op: 'math.relative', params: { column: 'b', value: 4, op: 'relative_change', as: 'rc' } },
      { op: 'math.relative', params: { column: 'a', reference: 'b', op: 'difference', as: 'd' } },
    ];
    const { rows } = await duck.run(frame, steps);
    expect(rows.map((r) => r.r)).toEqual([null, null, 0.4]);
    expect(rows.map((r) => r.rc)).toEqual([-0.5, -1, 0.25]);
    expect(rows.map((r) => r.d)).toEqual([-0.74, -3.5, null]);
  });

  it('rounds, clips and takes absolute values in place', async () => {
    const steps = [
      { op: 'math.round', params: { columns: ['a'], decimals: 1 } },
      { op: 'math.clip', params: { columns: ['c'], lower: 0, upper: 3 } },
      { op: 'math.abs', params: { column: 'a' } },
    ];
    const { rows, columns } = await duck.run(frame, steps);
    expect(columns).toEqual(['a', 'b', 'c', 't']);
    expect(rows.map((r) => [r.a, r.c])).toEqual([
      [1.3, null],
      [3.5, 3],
      [null, 2],
    ]);
  });

  it('encodes hour, weekday, month and day of year on the unit circle', async () => {
    const steps = ['hour', 'weekday', 'month', 'day_of_year'].map((period) => ({
      op: 'math.cyclical',
      params: { column: 't', period },
    }));
    const { rows } = await duck.run(frame, steps);
    expect(rounded([rows[0].t_hour_sin, rows[0].t_hour_cos, rows[1].t_hour_sin])).toEqual([
      1, 0, -1,
    ]);
    expect(rounded([rows[1].t_weekday_sin])).toEqual(rounded([Math.sin((2 * Math.PI * 2) / 7)]));
    expect(rounded([rows[0].t_month_sin, rows[0].t_month_cos])).toEqual([1, 0]);
    // 2 July 2024 is day 184 of a 366-day year: half way
    expect(rounded([rows[2].t_day_of_year_sin, rows[2].t_day_of_year_cos])).toEqual([0, -1]);
  });
});
