import { FeatureDuck, type Frame } from '../testing/feature-duck.js';
import { DEFAULT_RECIPE_LIMITS } from '../../../core/types.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const readings: Frame = {
  columns: { day: 'DATE', site: 'VARCHAR', flow: 'DOUBLE' },
  rows: [
    ['2024-01-01', 's1', 1],
    ['2024-01-02', 's1', 2],
    ['2024-01-02', 's2', 3],
    ['2024-01-03', 's1', 4],
  ],
};
const weather: Frame = {
  columns: { day: 'VARCHAR', site: 'VARCHAR', flow: 'DOUBLE', rain: 'DOUBLE' },
  rows: [
    ['2024-01-02', 's1', 20, 0.5],
    ['2024-01-02', 's1', 21, 0.7],
    ['2024-01-03', 's1', 40, 0],
    ['2024-01-09', 's9', 90, 9],
  ],
};
const right = { dataSourceId: 'weather', version: 1 };
const others = { weather };
const join = (how: string, extra: Record<string, unknown> = {}) => [
  { op: 'fusion.join', params: { right, how, on: ['day', 'site'], ...extra } },
];

describe('fusion.join', () => {
  it('inner join on two keys, suffixing the clashing column, reporting matches', async () => {
    const { rows, columns, recipe } = await duck.run(readings, join('inner'), others);
    expect(columns).toEqual(['day', 'site', 'flow', 'flow_right', 'rain']);
    expect(rows.map((r) => [r.flow, r.flow_right, r.rain])).toEqual([
      [2, 20, 0.5],
      [2, 21, 0.7],
      [4, 40, 0],
    ]);
    expect(recipe.steps[0].params.report).toEqual({
      leftRows: 4,
      rightRows: 4,
      matchedLeft: 2,
      unmatchedLeft: 2,
      matchedRight: 3,
      unmatchedRight: 1,
      estimatedRows: 3,
    });
  });

  it('left, right, full, semi and anti joins', async () => {
    expect((await duck.run(readings, join('left'), others)).rows.map((r) => r.flow_right)).toEqual([
      null,
      20,
      21,
      null,
      40,
    ]);
    const full = await duck.run(readings, join('full', { suffixes: ['_l', '_r'] }), others);
    expect(full.columns).toEqual(['day', 'site', 'flow_l', 'flow_r', 'rain']);
    expect(full.rows).toHaveLength(6);
    expect(full.rows[5]).toMatchObject({ site: 's9', flow_l: null, flow_r: 90 });
    expect((await duck.run(readings, join('right'), others)).rows).toHaveLength(4);
    expect((await duck.run(readings, join('semi'), others)).rows.map((r) => r.flow)).toEqual([
      2, 4,
    ]);
    expect((await duck.run(readings, join('anti'), others)).rows.map((r) => r.flow)).toEqual([
      1, 3,
    ]);
  });

  it('refuses a join whose estimated size exceeds the limit before running it', async () => {
    await expect(
      duck.run(
        readings,
        [{ op: 'fusion.join', params: { right, on: ['site'], maxRows: 5 } }],
        others,
      ),
    ).rejects.toThrow(/about 9 rows, more than the limit of 5/);
  });

  it('never trusts a report in the params: the size is estimated on every compile', async () => {
    const params = { right, on: ['site'], maxRows: 5, report: { estimatedRows: 1 } };
    await expect(duck.run(readings, [{ op: 'fusion.join', params }], others)).rejects.toThrow(
      /about 9 rows, more than the limit of 5/,
    );
  });

  it('checks the size again when stored steps replay on other data', async () => {
    const small: Frame = { columns: weather.columns, rows: weather.rows.slice(0, 1) };
    const steps = [{ op: 'fusion.join', params: { right, on: ['site'], maxRows: 5 } }];
    const first = await duck.run(readings, steps, { weather: small });
    expect(first.recipe.steps[0].params.report).toMatchObject({ estimatedRows: 3 });
    await expect(duck.run(readings, first.recipe.steps, others)).rejects.toThrow(
      /about 9 rows, more than the limit of 5/,
    );
  });

  it("caps the user's maxRows at the server's ceiling", async () => {
    const steps = [{ op: 'fusion.join', params: { right, on: ['site'], maxRows: 1_000_000 } }];
    await expect(
      duck.run(readings, steps, others, { limits: { ...DEFAULT_RECIPE_LIMITS, joinMaxRows: 8 } }),
    ).rejects.toThrow(/about 9 rows, more than the limit of 8/);
    const ok = await duck.run(readings, steps, others, {
      limits: { ...DEFAULT_RECIPE_LIMITS, joinMaxRows: 9 },
    });
    expect(ok.rows).toHaveLength(9);
    const lower = [{ op: 'fusion.join', params: { right, on: ['site'], maxRows: 4 } }];
    await expect(
      duck.run(readings, lower, others, { limits: { ...DEFAULT_RECIPE_LIMITS, joinMaxRows: 100 } }),
    ).rejects.toThrow(/limit of 4/);
  });

  it('declares the joined version as a reference (lineage parent)', () => {
    const step = duck.registry.get('fusion.join');
    expect(step.refs?.(step.parse(join('inner')[0].params))).toEqual([right]);
  });
});

describe('fusion.union', () => {
  it('appends by name: missing columns NULL, types reconciled, source order kept', async () => {
    const extra: Frame = {
      columns: { flow: 'INTEGER', day: 'VARCHAR', note: 'VARCHAR' },
      rows: [[7, 'x', 'hi']],
    };
    const { rows, columns } = await duck.run(
      readings,
      [
        {
          op: 'fusion.union',
          params: { others: [{ dataSourceId: 'extra', version: 1 }], sourceAs: 'src' },
        },
      ],
      { extra },
    );
    expect(columns).toEqual(['day', 'site', 'flow', 'note', 'src']);
    expect(rows[0]).toEqual({ day: '2024-01-01', site: 's1', flow: 1, note: null, src: 0 });
    expect(rows[4]).toEqual({ day: 'x', site: null, flow: 7, note: 'hi', src: 1 });
  });
});
