import { FeatureDuck, rounded, type Frame } from '../testing/feature-duck.js';
import {
  stationOrder as order,
  stationSeries as series,
  valuesByStation,
} from '../testing/station-series.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const byStation = (steps: Parameters<FeatureDuck['run']>[1], name: string) =>
  valuesByStation(duck, steps, name);

describe('rolling, expanding and weighted windows', () => {
  it('time windows cover (t - 3 days, t] and respect the gap', async () => {
    const steps = [
      { op: 'timeseries.rolling', params: { ...order, column: 'x', fn: 'sum', window: '3 days' } },
    ];
    expect(await byStation(steps, 'x_rolling_sum_3_day')).toEqual({
      A: [1, 3, 6, 8, 11],
      B: [10, 30, 60],
    });
  });

  it('row windows need n values by default, per station', async () => {
    const steps = [
      {
        op: 'timeseries.rolling',
        params: {
          ...order,
          column: 'x',
          fns: ['mean', 'max', 'count', 'std', 'median'],
          window: 2,
        },
      },
    ];
    expect(await byStation(steps, 'x_rolling_mean_2')).toEqual({
      A: [null, 1.5, 2.5, 4, 5.5],
      B: [null, 15, 25],
    });
    expect(await byStation(steps, 'x_rolling_count_2')).toEqual({
      A: [null, 2, 2, 2, 2],
      B: [null, 2, 2],
    });
    expect(rounded((await byStation(steps, 'x_rolling_std_2')).B)).toEqual(
      rounded([null, Math.SQRT2 * 5, Math.SQRT2 * 5]),
    );
    expect((await byStation(steps, 'x_rolling_median_2')).A).toEqual([null, 1.5, 2.5, 4, 5.5]);
  });

  it('counts like pandas rolling(2).count(): NULL until the window is full, NULL values count 0', async () => {
    const gappy: Frame = {
      columns: { t: 'INTEGER', x: 'DOUBLE' },
      rows: [
        [1, 1],
        [2, 2],
        [3, null],
        [4, 4],
      ],
    };
    const steps = [
      {
        op: 'timeseries.rolling',
        params: { orderBy: 't', column: 'x', fns: ['count', 'sum'], window: 2 },
      },
    ];
    const { rows } = await duck.run(gappy, steps);
    expect(rows.map((r) => r.x_rolling_count_2)).toEqual([null, 2, 1, 1]);
    expect(rows.map((r) => r.x_rolling_sum_2)).toEqual([null, 3, null, null]);
  });

  it('skips NaN like NULL in rolling and expanding aggregates and group aggregates (pandas)', async () => {
    const nan: Frame = {
      columns: { g: 'VARCHAR', t: 'INTEGER', x: 'DOUBLE' },
      rows: [
        ['a', 1, 1],
        ['a', 2, 'NaN'],
        ['a', 3, 3],
        ['b', 4, 'NaN'],
      ],
    };
    const window = { orderBy: 't', column: 'x', fns: ['mean', 'count'], minPeriods: 1 };
    const rolling = await duck.run(nan, [
      { op: 'timeseries.rolling', params: { ...window, window: 2 } },
      { op: 'timeseries.expanding', params: { orderBy: 't', column: 'x', fns: ['sum'] } },
    ]);
    expect(rolling.rows.map((r) => r.x_rolling_mean_2)).toEqual([1, 1, 3, 3]);
    expect(rolling.rows.map((r) => r.x_rolling_count_2)).toEqual([1, 1, 1, 1]);
    expect(rolling.rows.map((r) => r.x_expanding_sum)).toEqual([1, 1, 4, 4]);
    const grouped = await duck.run(nan, [
      {
        op: 'reshape.group_by',
        params: {
          by: ['g'],
          aggregations: [
            { column: 'x', fn: 'mean' },
            { column: 'x', fn: 'count' },
          ],
        },
      },
    ]);
    expect(grouped.rows).toEqual([
      { g: 'a', x_mean: 2, x_count: 2 },
      { g: 'b', x_mean: null, x_count: 0 },
    ]);
  });

  it('expanding mean', async () => {
    const steps = [{ op: 'timeseries.expanding', params: { ...order, column: 'x', fn: 'mean' } }];
    expect(await byStation(steps, 'x_expanding_mean')).toEqual({
      A: [1, 1.5, 2, 2.75, 3.4],
      B: [10, 15, 20],
    });
  });

  it('EWM mean equals pandas adjust=True on short series (hand-computed)', async () => {
    const steps = [{ op: 'timeseries.ewm', params: { ...order, column: 'x', alpha: 0.5 } }];
    const ewm = await byStation(steps, 'x_ewm');
    expect(rounded(ewm.A)).toEqual(
      rounded([1, 2.5 / 1.5, 4.25 / 1.75, 7.125 / 1.875, 9.5625 / 1.9375]),
    );
    const gappy: Frame = {
      columns: { t: 'INTEGER', x: 'DOUBLE' },
      rows: [
        [1, 1],
        [2, null],
        [3, 3],
      ],
    };
    // pandas ignore_na=False: positions count the NULL row, y = (3 + 0.25·1) / (1 + 0.25)
    expect(
      rounded(
        await duck.column(
          gappy,
          [{ op: 'timeseries.ewm', params: { orderBy: 't', column: 'x', alpha: 0.5 } }],
          'x_ewm',
        ),
      ),
    ).toEqual([1, 1, 2.6]);
    const nan: Frame = {
      ...gappy,
      rows: [
        [1, 1],
        [2, 'NaN'],
        [3, 3],
      ],
    };
    const ewmNaN = await duck.column(
      nan,
      [{ op: 'timeseries.ewm', params: { orderBy: 't', column: 'x', alpha: 0.5 } }],
      'x_ewm',
    );
    expect(rounded(ewmNaN)).toEqual([1, 1, 2.6]);
  });

  it('EWM mean stays exact across blocks on a long series', async () => {
    const xs = Array.from({ length: 300 }, (_, i) => Math.sin(i / 7) * 10 + (i % 5));
    const frame: Frame = { columns: { t: 'INTEGER', x: 'DOUBLE' }, rows: xs.map((x, i) => [i, x]) };
    const alpha = 0.3;
    let [num, den] = [0, 0];
    const expected = xs.map((x) => {
      [num, den] = [num * (1 - alpha) + x, den * (1 - alpha) + 1];
      return num / den;
    });
    const got = await duck.column(
      frame,
      [{ op: 'timeseries.ewm', params: { orderBy: 't', column: 'x', alpha } }],
      'x_ewm',
    );
    expect(rounded(got, 9)).toEqual(rounded(expected, 9));
  });
});

describe('merging column-appending steps', () => {
  it('runs consecutive window steps in one SELECT over the first input, unless one reads an added column', async () => {
    const steps = [
      { op: 'timeseries.lag', params: { ...order, column: 'x' } },
      { op: 'timeseries.rolling', params: { ...order, column: 'x', fn: 'sum', window: 2 } },
      {
        op: 'timeseries.rolling',
        params: { ...order, column: 'x_lag_1', fn: 'max', window: 2, minPeriods: 1 },
      },
    ];
    const { recipe, rows } = await duck.run(series, steps);
    expect(recipe.withClause).toMatch(/"__step_2" AS \(SELECT .* FROM "__step_0"\)/);
    expect(recipe.withClause).toMatch(/"__step_3" AS \(SELECT .* FROM "__step_2"\)/);
    const a = rows
      .filter((r) => r.station === 'A')
      .sort((p, q) => String(p.day).localeCompare(String(q.day)));
    expect(a.map((r) => [r.x_lag_1, r.x_rolling_sum_2, r.x_lag_1_rolling_max_2])).toEqual([
      [null, null, null],
      [1, 3, 1],
      [2, 5, 2],
      [3, 8, 3],
      [5, 11, 5],
    ]);
  });
});
