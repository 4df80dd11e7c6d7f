import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { site: 'VARCHAR', flow: 'DOUBLE', level: 'INTEGER' },
  rows: [
    ['a', 3, 1],
    ['b', null, 2],
    ['a', 3, 1],
    ['c', 1, null],
    [null, null, null],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

describe('row steps', () => {
  it('filters with the grid filter model (values bound, quotes kept as values)', async () => {
    const out = await duck.run(registry, frame, [
      {
        op: 'rows.filter',
        params: { filterModel: { flow: { filterType: 'number', type: 'greaterThan', filter: 2 } } },
      },
    ]);
    expect(out.rows.map((r) => r.site)).toEqual(['a', 'a']);
    const injection = await duck.run(registry, frame, [
      {
        op: 'rows.filter',
        params: {
          filterModel: { site: { filterType: 'text', type: 'equals', filter: "a' OR '1'='1" } },
        },
      },
    ]);
    expect(injection.rows).toEqual([]);
    await expect(
      duck.run(registry, frame, [
        {
          op: 'rows.filter',
          params: {
            filterModel: { 'flow; DROP': { filterType: 'number', type: 'equals', filter: 1 } },
          },
        },
      ]),
    ).rejects.toThrow(/flow; DROP/);
  });

  it('sorts on several columns and later steps see the sorted order', async () => {
    const out = await duck.run(registry, frame, [
      {
        op: 'rows.sort',
        params: {
          sortModel: [
            { colId: 'flow', sort: 'desc' },
            { colId: 'level', sort: 'asc' },
          ],
        },
      },
      { op: 'rows.slice', params: { offset: 0, limit: 3 } },
    ]);
    expect(out.rows.map((r) => [r.site, r.flow])).toEqual([
      ['a', 3],
      ['a', 3],
      ['c', 1],
    ]);
  });

  it('deduplicates keeping first or last, on all or some columns', async () => {
    const all = await duck.run(registry, frame, [{ op: 'rows.deduplicate', params: {} }]);
    expect(all.rows).toHaveLength(4);
    const last = await duck.run(registry, frame, [
      { op: 'rows.deduplicate', params: { columns: ['site'], keep: 'last' } },
    ]);
    expect(last.rows.map((r) => r.site)).toEqual(['b', 'a', 'c', null]);
  });

  it('drops rows with missing values: any, all, threshold', async () => {
    const any = await duck.run(registry, frame, [{ op: 'rows.drop_missing', params: {} }]);
    expect(any.rows).toHaveLength(2);
    const all = await duck.run(registry, frame, [
      { op: 'rows.drop_missing', params: { how: 'all' } },
    ]);
    expect(all.rows).toHaveLength(4);
    const thresh = await duck.run(registry, frame, [
      { op: 'rows.drop_missing', params: { threshold: 2 } },
    ]);
    expect(thresh.rows.map((r) => r.site)).toEqual(['a', 'b', 'a', 'c']);
    await expect(
      duck.run(registry, frame, [{ op: 'rows.drop_missing', params: { columns: ['x'] } }]),
    ).rejects.toThrow(/column "x" does not exist/);
  });

  it('samples the same rows for the same seed, by n or fraction', async () => {
    const big: TestFrame = {
      columns: { i: 'INTEGER' },
      rows: Array.from({ length: 200 }, (_, i) => [i]),
    };
    const a = await duck.run(registry, big, [{ op: 'rows.sample', params: { n: 10, seed: 7 } }]);
    const b = await duck.run(registry, big, [{ op: 'rows.sample', params: { n: 10, seed: 7 } }]);
    const c = await duck.run(registry, big, [{ op: 'rows.sample', params: { n: 10, seed: 8 } }]);
    expect(a.rows).toHaveLength(10);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).not.toEqual(c.rows);
    const f = await duck.run(registry, big, [
      { op: 'rows.sample', params: { fraction: 0.5, seed: 1 } },
    ]);
    expect(f.rows.length).toBeGreaterThan(60);
    expect(f.rows.length).toBeLessThan(140);
    await expect(
      duck.run(registry, big, [{ op: 'rows.sample', params: { seed: 1 } }]),
    ).rejects.toThrow(/either "n" or "fraction"/);
  });
});
