import { FeatureDuck, rounded, type Frame } from '../testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

// Two stations, rows interleaved and out of order; station A misses 2024-01-04.
const series: Frame = {
  columns: { station: 'VARCHAR', day: 'DATE', x: 'DOUBLE', rain: 'DOUBLE' },
  rows: [
    ['B', '2024-01-02', 20, 1],
    ['A', '2024-01-01', 1, 0],
    ['A', '2024-01-03', 3, 3],
    ['B', '2024-01-01', 10, 0],
    ['A', '2024-01-02', 2, 2],
    ['A', '2024-01-06', 6, 4],
    ['B', '2024-01-03', 30, 0],
    ['A', '2024-01-05', 5, 0],
  ],
};
const order = { orderBy: 'day', partitionBy: ['station'] };

/** Values of `name` by station in time order: {A: [...], B: [...]}. */
async function byStation(
  steps: Parameters<FeatureDuck['run']>[1],
  name: string,
): Promise<Record<string, unknown[]>> {
  const { rows } = await duck.run(series, steps);
  const sorted = [...rows].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const out: Record<string, unknown[]> = { A: [], B: [] };
  for (const r of sorted) out[String(r.station)].push(r[name]);
  return out;
}

describe('lags and leads per station', () => {
  it('lags by rows without leaking across stations', async () => {
    const steps = [{ op: 'timeseries.lag', params: { ...order, column: 'x', periods: [1, 2] } }];
    expect(await byStation(steps, 'x_lag_1')).toEqual({ A: [null, 1, 2, 3, 5], B: [null, 10, 20] });
    expect(await byStation(steps, 'x_lag_2')).toEqual({
      A: [null, null, 1, 2, 3],
      B: [null, null, 10],
    });
    const lead = [{ op: 'timeseries.lead', params: { ...order, column: 'x' } }];
    expect(await byStation(lead, 'x_lead_1')).toEqual({ A: [2, 3, 5, 6, null], B: [20, 30, null] });
  });

  it('lags by a time offset as of t - 1 day across the gap', async () => {
    const steps = [{ op: 'timeseries.lag', params: { ...order, column: 'x', offset: '1 day' } }];
    // 2024-01-05 has no 01-04: the last value at or before it is 01-03's 3
    expect(await byStation(steps, 'x_lag_1_day')).toEqual({
      A: [null, 1, 2, 3, 5],
      B: [null, 10, 20],
    });
    const lead = [{ op: 'timeseries.lead', params: { ...order, column: 'x', offset: '2 days' } }];
    expect(await byStation(lead, 'x_lead_2_day')).toEqual({
      A: [3, 5, 5, null, null],
      B: [30, null, null],
    });
  });

  it('differences and percent changes', async () => {
    const steps = [
      { op: 'timeseries.diff', params: { ...order, column: 'x' } },
      { op: 'timeseries.pct_change', params: { ...order, column: 'x' } },
    ];
    expect(await byStation(steps, 'x_diff_1')).toEqual({
      A: [null, 1, 1, 2, 1],
      B: [null, 10, 10],
    });
    const pct = await byStation(steps, 'x_pct_change_1');
    expect(rounded(pct.A)).toEqual(rounded([null, 1, 0.5, 2 / 3, 0.2]));
  });
});

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

describe('events, gaps and resampling', () => {
  it('sums rain since the last dry day, per station', async () => {
    const steps = [
      {
        op: 'timeseries.cumsum_since',
        params: { ...order, column: 'rain', op: '<=', value: 0, as: 'wet' },
      },
    ];
    expect(await byStation(steps, 'wet')).toEqual({ A: [0, 2, 5, 0, 4], B: [0, 1, 0] });
  });

  it('flags gaps at the inferred daily step', async () => {
    const steps = [{ op: 'timeseries.gap_flag', params: { ...order, countAs: 'missing' } }];
    const { recipe } = await duck.run(series, steps);
    expect(recipe.steps[0].params.stepSeconds).toBe(86400);
    expect(await byStation(steps, 'gap')).toEqual({
      A: [false, false, false, true, false],
      B: [false, false, false],
    });
    expect(await byStation(steps, 'missing')).toEqual({ A: [0, 0, 0, 1, 0], B: [0, 0, 0] });
  });

  const hourly: Frame = {
    columns: { s: 'VARCHAR', ts: 'TIMESTAMP', v: 'DOUBLE' },
    rows: [
      ['S', '2024-01-08 00:00:00', 4],
      ['S', '2024-01-01 00:00:00', 1],
      ['S', '2024-01-01 12:00:00', 2],
      ['S', '2024-01-02 06:00:00', 3],
      ['T', '2024-01-01 03:00:00', 7],
    ],
  };

  it('resamples to days and weeks per group with new row ids in time order', async () => {
    const days = await duck.run(hourly, [
      {
        op: 'timeseries.resample',
        params: {
          orderBy: 'ts',
          every: 'day',
          partitionBy: ['s'],
          aggregations: [
            { column: 'v', fn: 'sum' },
            { column: 'v', fn: 'last' },
          ],
        },
      },
    ]);
    expect(days.columns).toEqual(['s', 'ts', 'v_sum', 'v_last']);
    expect(days.rows.map((r) => [r.s, String(r.ts).slice(0, 10), r.v_sum, r.v_last])).toEqual([
      ['S', '2024-01-01', 3, 2],
      ['S', '2024-01-02', 3, 3],
      ['S', '2024-01-08', 4, 4],
      ['T', '2024-01-01', 7, 7],
    ]);
    const weeks = await duck.run(hourly, [
      {
        op: 'timeseries.resample',
        params: { orderBy: 'ts', every: 'week', aggregations: [{ column: 'v', fn: 'mean' }] },
      },
    ]);
    expect(weeks.rows.map((r) => r.v)).toEqual([13 / 4, 4]);
  });

  it('resamples to water years starting in October', async () => {
    const frame: Frame = {
      columns: { d: 'DATE', q: 'DOUBLE' },
      rows: [
        ['2023-09-30', 1],
        ['2023-10-01', 2],
        ['2024-09-30', 3],
        ['2022-12-01', 4],
      ],
    };
    const { rows } = await duck.run(frame, [
      {
        op: 'timeseries.resample',
        params: { orderBy: 'd', every: 'water_year', aggregations: [{ column: 'q', fn: 'sum' }] },
      },
    ]);
    expect(rows.map((r) => [String(r.d).slice(0, 10), r.water_year, r.q])).toEqual([
      ['2022-10-01', 2023, 5],
      ['2023-10-01', 2024, 5],
    ]);
  });
});
