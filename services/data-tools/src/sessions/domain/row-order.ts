import type { RecipeStepView } from '@hydroml/contracts';

/** Core steps that only project or filter rows: their output streams in the input's order. */
const ORDER_KEEPING = new Set([
  ...['columns.select', 'columns.drop', 'columns.rename', 'columns.reorder', 'columns.duplicate'],
  ...['columns.cast', 'columns.split', 'columns.merge', 'rows.filter', 'rows.drop_missing'],
  ...['missing.indicator', 'missing.to_null', 'formula.column', 'dates.parse', 'dates.extract'],
  ...['dates.diff', 'text.trim', 'text.case', 'text.replace', 'text.extract', 'text.pad'],
  'text.length',
]);
const WINDOWED_FILLS = ['ffill', 'bfill', 'interpolate'];

/** A step that neither reorders rows nor uses window functions (unknown steps: no). */
export function keepsFileOrder(step: RecipeStepView): boolean {
  if (step.op === 'missing.fill') return !WINDOWED_FILLS.includes(String(step.params.method));
  if (step.op === 'rows.sample') return step.params.fraction !== undefined;
  return ORDER_KEEPING.has(step.op);
}

/**
 * The ORDER BY a materialisation needs: none when every step keeps the file order (DuckDB keeps
 * insertion order without one, and sorting millions of rows by row id costs a third of the write),
 * else by the row id.
 */
export function materialiseOrder(steps: readonly RecipeStepView[], rowId: string): string {
  return steps.every(keepsFileOrder) ? '' : `ORDER BY ${rowId}`;
}
