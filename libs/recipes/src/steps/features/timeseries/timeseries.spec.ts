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

  it("resamples to days ('drop': only days with rows) and weeks per group with new row ids in time order", async () => {
    const days = await duck.run(hourly, [
      {
        op: 'timeseries.resample',
        params: {
          orderBy: 'ts',
          every: 'day',
          emptyPeriods: 'drop',
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
