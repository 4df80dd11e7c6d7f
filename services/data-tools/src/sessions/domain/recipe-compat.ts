import { DomainError, type ColumnSchema, type ColumnType } from '@hydroml/contracts';

const NUMERIC: readonly ColumnType[] = ['integer', 'float'];
const TEMPORAL: readonly ColumnType[] = ['date', 'timestamp'];

function compatible(a: ColumnType, b: ColumnType): boolean {
  if (a === b || a === 'other' || b === 'other') return true;
  return (
    (NUMERIC.includes(a) && NUMERIC.includes(b)) || (TEMPORAL.includes(a) && TEMPORAL.includes(b))
  );
}

/**
 * A saved recipe applies to a version whose columns it expects have compatible types (numbers with
 * numbers, dates with timestamps). Missing columns are left to the steps, which name the column
 * they need; a column of another kind fails here, naming it.
 */
export function checkRecipeInput(
  expected: ReadonlyArray<Pick<ColumnSchema, 'name' | 'type'>>,
  actual: readonly ColumnSchema[],
): void {
  const byName = new Map(actual.map((c) => [c.name, c]));
  const clashes = expected
    .filter((e) => byName.has(e.name) && !compatible(e.type, byName.get(e.name)?.type ?? 'other'))
    .map((e) => `"${e.name}" is ${byName.get(e.name)?.type} here, the recipe expects ${e.type}`);
  if (clashes.length > 0) {
    throw new DomainError(
      'invalid_argument',
      `the recipe does not fit this version: ${clashes.join('; ')}`,
      {
        field: 'inputSchema',
      },
    );
  }
}
