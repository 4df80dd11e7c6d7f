import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { g: 'VARCHAR', t: 'INTEGER', v: 'DOUBLE', s: 'VARCHAR' },
  rows: [
    ['a', 1, 1, 'x'],
    ['a', 2, null, 'NA'],
    ['a', 4, 7, 'x'],
    ['b', 1, null, 'y'],
    ['b', 2, 10, '-999'],
    ['b', 3, null, null],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

const values = (rows: Array<Record<string, unknown>>, key = 'v') => rows.map((r) => r[key]);

describe('missing-value steps', () => {
  it('fills with a constant, and with a mean fitted once and stored in the step', async () => {
    const constant = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 'v', method: 'constant', value: 0 } },
    ]);
    expect(values(constant.rows)).toEqual([1, 0, 7, 0, 10, 0]);
    const mean = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 'v', method: 'mean' } },
    ]);
    expect(mean.recipe.steps[0].params.fitted).toEqual(6);
    expect(values(mean.rows)).toEqual([1, 6, 7, 6, 10, 6]);
    const replay = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 'v', method: 'mean', fitted: 100 } },
    ]);
    expect(values(replay.rows)).toEqual([1, 100, 7, 100, 10, 100]);
  });

  it('fits again from an edited step on (refitFrom), keeping earlier fitted values', async () => {
    const steps = [
      { op: 'missing.fill', params: { column: 'v', method: 'mean', fitted: 100 } },
      { op: 'missing.fill', params: { column: 's', method: 'mode', fitted: 'z' } },
    ];
    const withFill = [...steps, { op: 'missing.fill', params: { column: 'v', method: 'ffill' } }];
    const out = await duck.run(registry, frame, withFill, undefined, { refitFrom: 1 });
    expect(out.recipe.steps.map((s) => s.params.fitted)).toEqual([100, 'x', undefined]);
  });

  it('fills with the median and the mode', async () => {
    const median = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 'v', method: 'median' } },
    ]);
    expect(median.recipe.steps[0].params.fitted).toEqual(7);
    const mode = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 's', method: 'mode' } },
    ]);
    expect(values(mode.rows, 's')[5]).toEqual('x');
    await expect(
      duck.run(registry, frame, [{ op: 'missing.fill', params: { column: 's', method: 'mean' } }]),
    ).rejects.toThrow(/column "s" is string/);
  });

  it('fills forward and backward per group in an order', async () => {
    const ffill = await duck.run(registry, frame, [
      {
        op: 'missing.fill',
        params: { column: 'v', method: 'ffill', groupBy: ['g'], orderBy: 't' },
      },
    ]);
    expect(values(ffill.rows)).toEqual([1, 1, 7, null, 10, 10]);
    const bfill = await duck.run(registry, frame, [
      { op: 'missing.fill', params: { column: 'v', method: 'bfill', groupBy: ['g'] } },
    ]);
    expect(values(bfill.rows)).toEqual([1, 7, 7, 10, 10, null]);
  });

  it('interpolates linearly in the order column', async () => {
    const out = await duck.run(registry, frame, [
      {
        op: 'missing.fill',
        params: { column: 'v', method: 'interpolate', orderBy: 't', groupBy: ['g'] },
      },
    ]);
    // a: t=1 -> 1, t=4 -> 7, so t=2 -> 3; b: no value before t=1 (stays missing), none after t=3
    // (the last one carries on, as pandas' interpolate does with limit_direction='forward').
    expect(values(out.rows)).toEqual([1, 3, 7, null, 10, 10]);
    await expect(
      duck.run(registry, frame, [
        { op: 'missing.fill', params: { column: 's', method: 'interpolate' } },
      ]),
    ).rejects.toThrow(/column "s" is string/);
  });

  it('adds indicator columns and turns sentinels into missing values', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'missing.to_null', params: { column: 's', values: ['NA', '-999'] } },
      { op: 'missing.to_null', params: { column: 'v', values: [10] } },
      { op: 'missing.indicator', params: { columns: ['s', 'v'] } },
    ]);
    expect(values(out.rows, 's')).toEqual(['x', null, 'x', 'y', null, null]);
    expect(values(out.rows, 's_missing')).toEqual([false, true, false, false, true, true]);
    expect(values(out.rows, 'v_missing')).toEqual([false, true, false, true, true, true]);
    await expect(
      duck.run(registry, frame, [
        { op: 'missing.indicator', params: { columns: ['v'] } },
        { op: 'missing.indicator', params: { columns: ['v'] } },
      ]),
    ).rejects.toThrow(/step 2 \(missing.indicator\): column "v_missing" already exists/);
  });

  it('turns infinities of a numeric column into missing values when listed', async () => {
    const inf: TestFrame = {
      columns: { v: 'DOUBLE' },
      rows: [[1], ['inf'], ['-inf'], [2], [null]],
    };
    const out = await duck.run(registry, inf, [
      { op: 'missing.to_null', params: { column: 'v', values: ['Infinity', '-inf'] } },
    ]);
    expect(values(out.rows, 'v')).toEqual([1, null, null, 2, null]);
    const onlyPlus = await duck.run(registry, inf, [
      { op: 'missing.to_null', params: { column: 'v', values: ['+inf'] } },
    ]);
    // rows come back as JSON, where an infinity is text
    expect(values(onlyPlus.rows, 'v')).toEqual([1, null, '-Infinity', 2, null]);
  });

  it('treats NaN in a DOUBLE column as missing, like NULL (as pandas does)', async () => {
    const nan: TestFrame = {
      columns: { t: 'INTEGER', v: 'DOUBLE' },
      rows: [
        [1, 1],
        [2, 'NaN'],
        [3, null],
        [4, 3],
        [5, 'NaN'],
      ],
    };
    const fill = async (params: Record<string, unknown>) =>
      duck.run(registry, nan, [{ op: 'missing.fill', params: { column: 'v', ...params } }]);
    const mean = await fill({ method: 'mean' });
    expect(mean.recipe.steps[0].params.fitted).toEqual(2);
    expect(values(mean.rows)).toEqual([1, 2, 2, 3, 2]);
    expect(values((await fill({ method: 'median' })).rows)).toEqual([1, 2, 2, 3, 2]);
    expect(values((await fill({ method: 'constant', value: 0 })).rows)).toEqual([1, 0, 0, 3, 0]);
    expect(values((await fill({ method: 'ffill', orderBy: 't' })).rows)).toEqual([1, 1, 1, 3, 3]);
    expect(values((await fill({ method: 'bfill', orderBy: 't' })).rows)).toEqual([
      1,
      3,
      3,
      3,
      null,
    ]);
    const line = await fill({ method: 'interpolate', orderBy: 't' });
    const round = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v);
    expect(values(line.rows).map(round)).toEqual([1, 5 / 3, 7 / 3, 3, 3].map(round));
  });
});
