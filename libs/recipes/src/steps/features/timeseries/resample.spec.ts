import { FeatureDuck, type Frame } from '../testing/feature-duck.js';
import { DEFAULT_RECIPE_LIMITS } from '../../../core/types.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const resample = (frame: Frame, params: Record<string, unknown>) =>
  duck.run(frame, [{ op: 'timeseries.resample', params }]);

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` of a period start (read back as text; null kept). */
const when = (value: unknown, length = 10) =>
  typeof value === 'string' ? value.slice(0, length) : value;

/** Source type of each output column. */
const types = (outcome: Awaited<ReturnType<typeof resample>>) =>
  Object.fromEntries(outcome.recipe.schema.map((c) => [c.name, c.sourceType]));

describe("resample with emptyPeriods 'fill' (the default), as pandas' resample", () => {
  // 2024-03-02 has no rows
  const daily = (timeType: string, day1: string, day3: string): Frame => ({
    columns: { t: timeType, x: 'DOUBLE', n: 'INTEGER' },
    rows: [
      [day1, 1, 10],
      [day1, 3, 20],
      [day3, 5, 30],
    ],
  });
  const aggregations = [
    { column: 'x', fn: 'sum' },
    { column: 'x', fn: 'mean' },
    { column: 'x', fn: 'count' },
    { column: 'x', fn: 'count_distinct' },
    { column: 'x', fn: 'min' },
    { column: 'x', fn: 'first' },
    { column: 'n', fn: 'sum', as: 'n_total' },
  ];

  it.each([
    ['DATE', '2024-03-01', '2024-03-03'],
    ['TIMESTAMP', '2024-03-01 06:00:00', '2024-03-03 23:59:00'],
  ])(
    'a missing day is a row: sums and counts 0, the rest NULL (%s time)',
    async (type, day1, day3) => {
      const out = await resample(daily(type, day1, day3), {
        orderBy: 't',
        every: 'day',
        aggregations,
      });
      expect(out.columns).toEqual([
        't',
        'x_sum',
        'x_mean',
        'x_count',
        'x_count_distinct',
        'x_min',
        'x_first',
        'n_total',
      ]);
      expect(out.rows.map((r) => [when(r.t), ...out.columns.slice(1).map((c) => r[c])])).toEqual([
        ['2024-03-01', 4, 2, 2, 2, 1, 1, '30'],
        ['2024-03-02', 0, null, 0, 0, null, null, '0'],
        ['2024-03-03', 5, 5, 1, 1, 5, 5, '30'],
      ]);
      // date_trunc gives TIMESTAMP for DATE and TIMESTAMP; the filled rows keep every type
      expect(types(out)).toMatchObject({
        t: 'TIMESTAMP',
        x_sum: 'DOUBLE',
        x_count: 'INTEGER',
        x_count_distinct: 'INTEGER',
        n_total: 'HUGEINT',
      });
    },
  );

  it('fills each group from its own first to last period (a NULL key is a group too)', async () => {
    const frame: Frame = {
      columns: { s: 'VARCHAR', t: 'TIMESTAMP', v: 'DOUBLE' },
      rows: [
        ['B', '2024-01-11 08:00:00', 4],
        ['A', '2024-01-01 08:00:00', 1],
        [null, '2024-01-07 08:00:00', 6],
        ['A', '2024-01-03 08:00:00', 2],
        ['B', '2024-01-10 08:00:00', 3],
        [null, '2024-01-05 08:00:00', 5],
        ['A', null, 7],
      ],
    };
    const params = {
      orderBy: 't',
      every: 'day',
      partitionBy: ['s'],
      aggregations: [{ column: 'v', fn: 'sum' }],
    };
    const rows = async (extra: Record<string, unknown>) =>
      (await resample(frame, { ...params, ...extra })).rows.map((r) => [r.s, when(r.t), r.v]);
    // rows with a NULL time make a NULL period, with 'drop' as with 'fill'
    expect(await rows({ emptyPeriods: 'drop' })).toEqual([
      ['A', '2024-01-01', 1],
      ['A', '2024-01-03', 2],
      ['A', null, 7],
      ['B', '2024-01-10', 3],
      ['B', '2024-01-11', 4],
      [null, '2024-01-05', 5],
      [null, '2024-01-07', 6],
    ]);
    expect(await rows({})).toEqual([
      ['A', '2024-01-01', 1],
      ['A', '2024-01-02', 0],
      ['A', '2024-01-03', 2],
      ['A', null, 7],
      ['B', '2024-01-10', 3],
      ['B', '2024-01-11', 4],
      [null, '2024-01-05', 5],
      [null, '2024-01-06', 0],
      [null, '2024-01-07', 6],
    ]);
  });

  it('keeps a lone NULL-time period when no time is known', async () => {
    const frame: Frame = { columns: { t: 'DATE', v: 'DOUBLE' }, rows: [[null, 1]] };
    const out = await resample(frame, {
      orderBy: 't',
      every: 'month',
      aggregations: [{ column: 'v', fn: 'count' }],
    });
    expect(out.rows).toEqual([{ t: null, v: 1 }]);
  });

  it('fills a water year with no rows', async () => {
    const frame: Frame = {
      columns: { d: 'DATE', q: 'DOUBLE' },
      rows: [
        ['2023-09-30', 3],
        ['2020-11-01', 1],
        ['2023-01-15', 2],
      ],
    };
    const out = await resample(frame, {
      orderBy: 'd',
      every: 'water_year',
      aggregations: [
        { column: 'q', fn: 'sum' },
        { column: 'q', fn: 'max' },
      ],
    });
    expect(out.columns).toEqual(['d', 'q_sum', 'q_max', 'water_year']);
    expect(out.rows.map((r) => [when(r.d), r.water_year, r.q_sum, r.q_max])).toEqual([
      ['2020-10-01', 2021, 1, 1],
      ['2021-10-01', 2022, 0, null],
      ['2022-10-01', 2023, 5, 3],
    ]);
  });

  it('fills hours across midnight', async () => {
    const frame: Frame = {
      columns: { t: 'TIMESTAMP', v: 'DOUBLE' },
      rows: [
        ['2024-01-02 01:10:00', 2],
        ['2024-01-01 22:30:00', 1],
      ],
    };
    const out = await resample(frame, {
      orderBy: 't',
      every: 'hour',
      aggregations: [{ column: 'v', fn: 'count' }],
    });
    expect(out.rows.map((r) => [when(r.t, 16), r.v])).toEqual([
      ['2024-01-01 22:00', 1],
      ['2024-01-01 23:00', 0],
      ['2024-01-02 00:00', 0],
      ['2024-01-02 01:00', 1],
    ]);
  });

  it.each([
    ['week', ['2024-01-03', '2024-01-17'], ['2024-01-01', '2024-01-08', '2024-01-15']],
    ['month', ['2024-01-31', '2024-03-05'], ['2024-01-01', '2024-02-01', '2024-03-01']],
    ['quarter', ['2024-01-03', '2024-07-01'], ['2024-01-01', '2024-04-01', '2024-07-01']],
    ['year', ['2022-06-01', '2024-01-01'], ['2022-01-01', '2023-01-01', '2024-01-01']],
  ])('fills every %s (weeks start on Mondays)', async (every, dates, starts) => {
    const frame: Frame = { columns: { d: 'DATE', v: 'DOUBLE' }, rows: dates.map((d) => [d, 1]) };
    const out = await resample(frame, {
      orderBy: 'd',
      every,
      aggregations: [{ column: 'v', fn: 'count' }],
    });
    expect(out.rows.map((r) => [when(r.d), r.v])).toEqual(
      starts.map((s, i) => [s, i === 1 ? 0 : 1]),
    );
  });

  it('refuses an unknown emptyPeriods', async () => {
    const frame: Frame = { columns: { d: 'DATE', v: 'DOUBLE' }, rows: [['2024-01-01', 1]] };
    await expect(
      resample(frame, {
        orderBy: 'd',
        every: 'day',
        emptyPeriods: 'zero',
        aggregations: [{ column: 'v', fn: 'sum' }],
      }),
    ).rejects.toThrow(/step 1 \(timeseries.resample\): "emptyPeriods" must be one of fill, drop/);
  });
});

describe('the rows a fill would write are counted against the limit first', () => {
  // a wrong year (2204 for 2024) would ask for 180 years of days
  const typo: Frame = {
    columns: { site: 'VARCHAR', t: 'DATE', x: 'DOUBLE' },
    rows: [
      ['a', '2024-01-01', 1],
      ['a', '2024-01-03', 2],
      ['b', '2024-01-01', 3],
      ['b', '2204-01-01', 4],
    ],
  };
  const steps = (emptyPeriods?: string, maxRows?: number) => [
    {
      op: 'timeseries.resample',
      params: {
        ...{ orderBy: 't', every: 'day', partitionBy: ['site'], emptyPeriods, maxRows },
        aggregations: [{ column: 'x', fn: 'sum' }],
      },
    },
  ];
  const limits = (resampleMaxRows: number) => ({
    limits: { ...DEFAULT_RECIPE_LIMITS, resampleMaxRows },
  });

  it('refuses a fill past the limit, saying how many rows and what to check', async () => {
    // a: 3 days; b: 2024-01-01 .. 2204-01-01 = 65,744 days
    await expect(duck.run(typo, steps(), {}, limits(65_746))).rejects.toThrow(
      /filling empty periods would write 65747 rows, more than the limit of 65746: check the time column/,
    );
    const ok = await duck.run(typo, steps(), {}, limits(65_747));
    expect(ok.rows).toHaveLength(65_747);
  });

  it("takes a step's own maxRows when lower than the server's limit", async () => {
    await expect(duck.run(typo, steps(undefined, 3), {}, limits(1_000_000))).rejects.toThrow(
      /would write 65747 rows, more than the limit of 3:/,
    );
    await expect(duck.run(typo, steps(undefined, 0))).rejects.toThrow(/"maxRows" must be/);
  });

  it('lets drop through whatever the spread, as it writes only periods with rows', async () => {
    const out = await duck.run(typo, steps('drop'), {}, limits(1));
    expect(out.rows).toHaveLength(4);
  });
});
