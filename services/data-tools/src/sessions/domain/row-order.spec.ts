import { keepsFileOrder, materialiseOrder } from './row-order.js';

describe('row order of a materialised recipe', () => {
  it('sorts by the row id only after steps that reorder rows or use windows', () => {
    const streaming = [
      { op: 'columns.cast', params: { column: 'a', to: 'float' } },
      { op: 'missing.fill', params: { column: 'a', method: 'mean', fitted: 1 } },
      { op: 'rows.sample', params: { fraction: 0.5, seed: 1 } },
    ];
    expect(materialiseOrder(streaming, '"rid"')).toBe('');
    for (const step of [
      { op: 'rows.sort', params: {} },
      { op: 'missing.fill', params: { method: 'ffill' } },
      { op: 'rows.sample', params: { n: 5 } },
      { op: 'timeseries.lag', params: {} },
    ]) {
      expect(keepsFileOrder(step)).toBe(false);
      expect(materialiseOrder([...streaming, step], '"rid"')).toBe('ORDER BY "rid"');
    }
  });
});
