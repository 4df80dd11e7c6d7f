import { StepRegistry } from '../../core/registry.js';
import { TestDuck, type TestFrame } from '../../testing/run-steps.js';
import { CORE_STEPS } from './index.js';

const registry = new StepRegistry(CORE_STEPS);
const duck = new TestDuck();
const frame: TestFrame = {
  columns: { Date: 'DATE', 'Flow Rate': 'DOUBLE', site: 'VARCHAR', n: 'BIGINT' },
  rows: [
    ['2023-10-01', 120.5, 'a', 1],
    ['2023-09-30', null, "b'; DROP TABLE x; --", 2],
    ['2024-02-29', 80, null, 0],
  ],
};

beforeAll(() => duck.open());
afterAll(() => duck.close());

const formula = (expression: string, as = 'out') => ({
  op: 'formula.column',
  params: { expression, as },
});

describe('formula.column', () => {
  it('computes arithmetic, logic, if/case, math, text and date functions', async () => {
    const out = await duck.run(registry, frame, [
      formula("if([Flow Rate] > 100, 'high', 'low')", 'level'),
      formula('round([Flow Rate] / 3, 2) + n ^ 2', 'calc'),
      formula(
        "case when site is null then 'none' when contains(site, 'DROP') then 'odd' else upper(site) end",
        'tag',
      ),
      formula('wateryear(Date)', 'wy'),
      formula("datediff('day', Date, date(2024, 3, 1))", 'days'),
      formula("Date >= '2023-10-01' and not (n in (2, 3))", 'recent'),
      formula("site & '-' & text(n)", 'label'),
      formula('n / 0', 'safe'),
    ]);
    expect(out.rows).toEqual([
      expect.objectContaining({
        level: 'high',
        calc: 41.17,
        tag: 'A',
        wy: '2024',
        days: '152',
        recent: true,
        label: 'a-1',
        safe: null,
      }),
      expect.objectContaining({
        level: 'low',
        calc: null,
        tag: 'odd',
        wy: '2023',
        recent: false,
        label: "b'; DROP TABLE x; ---2",
      }),
      expect.objectContaining({
        level: 'low',
        calc: 26.67,
        tag: 'none',
        wy: '2024',
        days: '1',
        recent: true,
        label: '-0',
      }),
    ]);
    expect(out.types).toMatchObject({ level: 'string', calc: 'float', recent: 'boolean' });
  });

  it('replaces an existing column in place', async () => {
    const out = await duck.run(registry, frame, [formula('[Flow Rate] * 2', 'Flow Rate')]);
    expect(out.columns).toEqual(['Date', 'Flow Rate', 'site', 'n']);
    expect(out.rows[0]['Flow Rate']).toBe(241);
  });

  it('reports syntax errors with the step and position, and missing columns by name', async () => {
    await expect(duck.run(registry, frame, [formula('n + * 2')])).rejects.toMatchObject({
      message: 'step 1 (formula.column): unexpected "*" at position 5',
      details: { field: 'expression', position: 5, step: 0 },
    });
    await expect(duck.run(registry, frame, [formula('Flow + 1')])).rejects.toThrow(
      'column "Flow" does not exist at position 1',
    );
    await expect(duck.run(registry, frame, [formula("read_csv('/etc/passwd')")])).rejects.toThrow(
      /unknown function "read_csv"/,
    );
  });
});
