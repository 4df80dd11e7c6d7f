import type { ColumnSchema } from '@hydroml/contracts';
import { recipeInputColumns } from './recipe-inputs.js';

const base: ColumnSchema[] = ['Date', 'Flow', 'Rain', 'Temp', 'Unused'].map((name) => ({
  name,
  type: 'float',
  sourceType: 'DOUBLE',
}));

describe('recipeInputColumns', () => {
  it('finds base columns in params, keys (rename, filter models) and formulas', () => {
    const steps = [
      { op: 'columns.rename', params: { mapping: { Flow: 'flow' } } },
      {
        op: 'rows.filter',
        params: { filterModel: { Rain: { filterType: 'number', type: 'equals', filter: 1 } } },
      },
      { op: 'formula.column', params: { expression: 'Temp * 2', as: 'Date2' } },
      { op: 'dates.extract', params: { column: 'Date', part: 'year' } },
    ];
    expect(recipeInputColumns(steps, base).map((c) => c.name)).toEqual([
      'Date',
      'Flow',
      'Rain',
      'Temp',
    ]);
  });
});
