import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { s: 'VARCHAR', n: 'INTEGER' },
  rows: [
    ['  gauge A-12  ', 1],
    ['river b-7', 2],
    [null, 3],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

describe('text steps', () => {
  it('trims, changes case, replaces, extracts, pads and measures', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'text.trim', params: { column: 's' } },
      { op: 'text.case', params: { column: 's', to: 'title' } },
      { op: 'text.replace', params: { column: 's', find: '-', replace: '_' } },
      { op: 'text.extract', params: { column: 's', regex: '_(\\d+)', as: 'code' } },
      { op: 'text.pad', params: { column: 'code', length: 4, fill: '0' } },
      { op: 'text.length', params: { column: 's', as: 'len' } },
    ]);
    expect(out.rows).toEqual([
      { s: 'Gauge A_12', n: 1, code: '0012', len: 10 },
      { s: 'River B_7', n: 2, code: '0007', len: 9 },
      { s: null, n: 3, code: null, len: null },
    ]);
  });

  it('replaces with a regex and treats patterns as values, never SQL', async () => {
    const out = await duck.run(registry, frame, [
      { op: 'text.replace', params: { column: 's', find: '\\s+', replace: '', regex: true } },
      { op: 'text.replace', params: { column: 's', find: "'; DROP TABLE x; --", replace: 'z' } },
      { op: 'text.case', params: { column: 's', to: 'upper' } },
    ]);
    expect(out.rows.map((r) => r.s)).toEqual(['GAUGEA-12', 'RIVERB-7', null]);
  });

  it('refuses a number column and a bad pattern, naming them', async () => {
    await expect(
      duck.run(registry, frame, [{ op: 'text.trim', params: { column: 'n' } }]),
    ).rejects.toThrow(/column "n" is integer; this step needs string/);
    await expect(
      duck.run(registry, frame, [
        { op: 'text.extract', params: { column: 's', regex: '[', as: 'x' } },
      ]),
    ).rejects.toThrow(/"regex" is not a valid regular expression/);
    await expect(
      duck.run(registry, frame, [
        { op: 'text.pad', params: { column: 's', length: 3, fill: 'ab' } },
      ]),
    ).rejects.toThrow(/"fill" must be one character/);
  });
});
