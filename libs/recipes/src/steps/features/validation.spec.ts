import { FeatureDuck, type Frame } from './testing/feature-duck.js';

const duck = new FeatureDuck();
beforeAll(() => duck.open());
afterAll(() => duck.close());

const frame: Frame = {
  columns: { t: 'INTEGER', s: 'VARCHAR', x: 'DOUBLE' },
  rows: [
    [1, 'a', 1],
    [2, 'b', 2],
  ],
};
const run = (op: string, params: Record<string, unknown>) =>
  duck.run(frame, [{ op, params }], { other: frame });

describe('feature steps name the field and column the user must fix', () => {
  it.each([
    [
      'timeseries.rolling',
      { orderBy: 't', column: 's', window: 2 },
      /step 1 \(timeseries.rolling\): column "s" is string/,
    ],
    [
      'timeseries.rolling',
      { orderBy: 't', column: 'x', window: '7 days' },
      /column "t" is integer; this step needs date or timestamp/,
    ],
    [
      'timeseries.rolling',
      { orderBy: 't', column: 'x', window: '7 fortnights' },
      /"window" must be a time span/,
    ],
    ['timeseries.lag', { orderBy: 'nope', column: 'x' }, /column "nope" does not exist/],
    [
      'timeseries.lag',
      { orderBy: 't', column: 'x', periods: 0 },
      /"periods" must be a positive integer/,
    ],
    [
      'timeseries.ewm',
      { orderBy: 't', column: 'x', alpha: 0.5, span: 3 },
      /exactly one of alpha, span/,
    ],
    ['learned.scale', { columns: ['s'] }, /column "s" is string/],
    ['learned.bin', { column: 'x', method: 'custom', edges: [3, 1] }, /strictly increasing/],
    ['math.relative', { column: 'x', op: 'ratio', as: 'r' }, /either "reference"/],
    ['math.cyclical', { column: 'x', period: 'month' }, /column "x" is float/],
    [
      'reshape.group_by',
      { by: ['s'], aggregations: [{ column: 's', fn: 'sum' }] },
      /column "s" is string/,
    ],
    [
      'fusion.join',
      { right: { dataSourceId: 'other', version: 1 }, on: [{ left: 's', right: 'zz' }] },
      /column "zz" does not exist/,
    ],
    [
      'fusion.join',
      { right: { dataSourceId: 'missing', version: 2 }, on: ['s'] },
      /version 2 of missing is not available/,
    ],
    [
      'selection.rank',
      { target: 's', method: 'correlation' },
      /correlation needs a numeric target/,
    ],
  ])('%s %j', async (op, params, message) => {
    await expect(run(op, params)).rejects.toThrow(message);
  });

  it('refuses an output column that already exists', async () => {
    await expect(
      run('math.aggregate', { columns: ['x', 't'], fn: 'sum', as: 's' }),
    ).rejects.toThrow(/column "s" already exists/);
  });
});
