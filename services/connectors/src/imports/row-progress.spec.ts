import { estimatedRowsOf, PROGRESS_INTERVAL_MS, RowProgress } from './row-progress.js';

function recorder() {
  const calls: Array<[number, string | undefined]> = [];
  return {
    calls,
    progress: (fraction: number, message?: string) => {
      calls.push([fraction, message]);
      return Promise.resolve();
    },
  };
}

describe('RowProgress', () => {
  it('reports at most once per interval unless forced', async () => {
    let now = 10_000;
    const ctx = recorder();
    const progress = new RowProgress(ctx, 1000, () => now);
    await progress.update(100);
    now += PROGRESS_INTERVAL_MS - 1;
    await progress.update(200);
    now += 1;
    await progress.update(300);
    await progress.update(400, true);
    expect(ctx.calls.map(([, m]) => m)).toEqual([
      '100 rows read',
      '300 rows read',
      '400 rows read',
    ]);
  });

  it('is a fraction of the estimate, capped below 1 when the estimate was low', async () => {
    const ctx = recorder();
    const progress = new RowProgress(ctx, 1_000_000);
    expect(progress.fraction(500_000)).toBeCloseTo(0.475, 10);
    expect(progress.fraction(3_000_000)).toBe(0.95);
    await progress.update(1_234_567, true);
    expect(ctx.calls).toEqual([[0.95, '1,234,567 rows read']]);
  });

  it('is 0 without an estimate', () => {
    expect(new RowProgress(recorder(), null).fraction(10)).toBe(0);
    expect(new RowProgress(recorder(), 0).fraction(10)).toBe(0);
  });
});

describe('estimatedRowsOf', () => {
  const tables = [
    { schema: 'public', name: 'flows', kind: 'table' as const, estimatedRows: 42 },
    { schema: 'other', name: 'flows', kind: 'table' as const, estimatedRows: 7 },
    { schema: 'public', name: 'v', kind: 'view' as const, estimatedRows: null },
  ];

  it('finds a table by schema.name or by name', () => {
    expect(estimatedRowsOf(tables, 'other.flows')).toBe(7);
    expect(estimatedRowsOf(tables, 'flows')).toBe(42);
    expect(estimatedRowsOf(tables, 'public.v')).toBeNull();
    expect(estimatedRowsOf(tables, 'missing')).toBeNull();
  });
});
