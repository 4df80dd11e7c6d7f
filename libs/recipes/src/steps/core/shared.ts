import type { ColumnSchema } from '@hydroml/contracts';
import { StepError } from '../../core/step-error.js';
import { ident, requireColumn } from '../../core/sql.js';
import { ROW_ID, type Relation } from '../../core/types.js';

/** `SELECT <items>, rid FROM input` (the row id always kept). */
export function selectItems(input: Relation, items: readonly string[], tail = ''): string {
  return `SELECT ${[...items, ident(ROW_ID)].join(', ')} FROM ${ident(input.name)} ${tail}`.trim();
}

/** Every listed column must exist; duplicates are refused. */
export function requireColumns(
  schema: readonly ColumnSchema[],
  names: readonly string[],
  field = 'columns',
): ColumnSchema[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new StepError(`column "${name}" is listed twice`, field);
    seen.add(name);
    return requireColumn(schema, name, field);
  });
}

/** A column name we will create: not empty, not the hidden row id, not too long. */
export function checkName(name: string, field: string): string {
  if (name.trim() === '') throw new StepError('a column name cannot be empty', field);
  if (name === ROW_ID) throw new StepError(`"${ROW_ID}" is reserved`, field);
  if (name.length > 255) throw new StepError('a column name has at most 255 characters', field);
  return name;
}

/** An optional list of names: undefined when absent. */
export function optionalStrings(raw: Record<string, unknown>, field: string): string[] | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new StepError(`"${field}" must be a list of column names`, field);
  }
  return value as string[];
}

/** A regular expression: checked here so a typo fails when the step is added, not on a query. */
export function checkRegex(pattern: string, field: string): string {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new StepError(
      `"${field}" is not a valid regular expression: ${(error as Error).message}`,
      field,
    );
  }
  return pattern;
}

export function isText(column: ColumnSchema): boolean {
  return column.type === 'string';
}
