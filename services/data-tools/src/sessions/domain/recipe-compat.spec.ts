import type { ColumnSchema } from '@hydroml/contracts';
import { checkRecipeInput } from './recipe-compat.js';

const col = (name: string, type: ColumnSchema['type']): ColumnSchema => ({
  name,
  type,
  sourceType: '',
});

describe('checkRecipeInput', () => {
  it('accepts numbers for numbers, dates for timestamps, and leaves missing columns to the steps', () => {
    expect(() =>
      checkRecipeInput(
        [col('a', 'integer'), col('d', 'date'), col('gone', 'string')],
        [col('a', 'float'), col('d', 'timestamp')],
      ),
    ).not.toThrow();
  });

  it('names every column of another kind', () => {
    expect(() =>
      checkRecipeInput(
        [col('a', 'float'), col('b', 'date')],
        [col('a', 'string'), col('b', 'integer')],
      ),
    ).toThrow(
      'the recipe does not fit this version: "a" is string here, the recipe expects float; "b" is integer here, the recipe expects date',
    );
  });
});
