import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { a: 'INTEGER', b: 'VARCHAR', c: 'DOUBLE', d: 'VARCHAR' },
  rows: [
    [1, 'x', 1.5, '2023-01-02'],
    [2, 'y', null, 'bad'],
    [3, null, 2.5, '02/03/2023'],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

describe('column steps', () => {
  it('selects, drops, renames, reorders and duplicates columns', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'columns.select', params: { columns: ['c', 'a', 'b'] } },
      { op: 'columns.drop', params: { columns: ['b'] } },
      { op: 'columns.rename', params: { mapping: { c: 'value' } } },
      { op: 'columns.duplicate', params: { column: 'a', as: 'a2' } },
      { op: 'columns.reorder', params: { columns: ['a2'] } },
    ]);
    expect(out.columns).toEqual(['a2', 'value', 'a']);
    expect(out.rows[0]).toEqual({ a2: 1, value: 1.5, a: 1 });
  });

  it('names the missing column and refuses clashes', async () => {
    await expect(
      duck.run(registry, frame, [{ op: 'columns.select', params: { columns: ['nope'] } }]),
    ).rejects.toThrow(/step 1 \(columns.select\): column "nope" does not exist/);
    await expect(
      duck.run(registry, frame, [{ op: 'columns.rename', params: { mapping: { a: 'b' } } }]),
    ).rejects.toThrow(/column "b" would exist twice/);
    await expect(
      duck.run(registry, frame, [{ op: 'columns.duplicate', params: { column: 'a', as: 'b' } }]),
    ).rejects.toThrow(/column "b" already exists/);
    await expect(
      duck.run(registry, frame, [
        { op: 'columns.drop', params: { columns: ['a', 'b', 'c', 'd'] } },
      ]),
    ).rejects.toThrow(/at least one column/);
  });

  it('casts with nulls for bad values, with a format, or failing naming the column', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'columns.cast', params: { column: 'a', to: 'string' } },
      { op: 'columns.cast', params: { column: 'c', to: 'integer' } },
      { op: 'columns.cast', params: { column: 'd', to: 'date' } },
    ]);
    expect(out.types).toMatchObject({ a: 'string', c: 'integer', d: 'date' });
    expect(out.rows.map((r) => r.d)).toEqual(['2023-01-02', null, null]);
    const formatted = await duck.run(registry, frame, [
      { op: 'columns.cast', params: { column: 'd', to: 'date', format: '%d/%m/%Y' } },
    ]);
    expect(formatted.rows.map((r) => r.d)).toEqual([null, null, '2023-03-02']);
    await expect(
      duck.run(registry, frame, [
        { op: 'columns.cast', params: { column: 'd', to: 'float', onError: 'fail' } },
      ]),
    ).rejects.toThrow(/column "d": cannot convert to float the value 2023-01-02/);
    await expect(
      duck.run(registry, frame, [{ op: 'columns.cast', params: { column: 'a', to: 'money' } }]),
    ).rejects.toThrow(/"to" must be one of/);
  });

  it('casts text to booleans from common words', async () => {
    const out = await duck.run(
      registry,
      { columns: { f: 'VARCHAR' }, rows: [['Yes'], ['no'], ['1'], ['maybe']] },
      [{ op: 'columns.cast', params: { column: 'f', to: 'boolean' } }],
    );
    expect(out.rows.map((r) => r.f)).toEqual([true, false, true, null]);
  });

  it('splits by a delimiter or a regex and merges columns', async () => {
    const data: TestFrame = {
      columns: { s: 'VARCHAR', n: 'INTEGER' },
      rows: [
        ['a-b-c', 1],
        ['d', 2],
      ],
    };
    const out = await duck.run(registry, data, [
      { op: 'columns.split', params: { column: 's', delimiter: '-', into: ['p1', 'p2'] } },
      { op: 'columns.split', params: { column: 's', regex: '[-]', into: ['r1'] } },
      { op: 'columns.merge', params: { columns: ['p1', 'n'], separator: '/', as: 'm' } },
    ]);
    expect(out.rows).toEqual([
      { s: 'a-b-c', n: 1, p1: 'a', p2: 'b', r1: 'a', m: 'a/1' },
      { s: 'd', n: 2, p1: 'd', p2: null, r1: 'd', m: 'd/2' },
    ]);
    await expect(
      duck.run(registry, data, [
        { op: 'columns.split', params: { column: 'n', delimiter: '-', into: ['x'] } },
      ]),
    ).rejects.toThrow(/column "n" is integer; this step needs string/);
    await expect(
      duck.run(registry, data, [
        { op: 'columns.split', params: { column: 's', regex: '(', into: ['x'] } },
      ]),
    ).rejects.toThrow(/"regex" is not a valid regular expression/);
  });
});
