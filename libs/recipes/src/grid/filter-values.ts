import type { ColumnSchema } from '@hydroml/contracts';
import { StepError } from '../core/step-error.js';
import type { SqlValue } from '../core/types.js';

/** Binds a value and returns its placeholder (`$3`); the same shape as `CompileContext.bind`. */
export type Binder = (value: SqlValue) => string;

const FIELD = 'filterModel';
const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;

/** A user-supplied filter was malformed: always invalid_argument, naming the column. */
export function filterError(column: string | undefined, message: string): StepError {
  return new StepError(column === undefined ? message : `filter on "${column}": ${message}`, FIELD);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A filter's text operand: strings as given; numbers and booleans as their text. */
export function textOperand(column: string, value: unknown): string {
  if (typeof value === 'string') {
    if (value.length > 10_000) throw filterError(column, 'the filter text is too long');
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw filterError(column, 'the filter needs a text value');
}

/** A number filter's operand: a finite number or a string holding one. */
export function numberOperand(column: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw filterError(column, 'the filter needs a finite number');
  }
  return n;
}

/** A date filter's operand, `YYYY-MM-DD` optionally followed by a time; returns the date part. */
export function dateOperand(column: string, value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value.trim())) {
    throw filterError(column, 'the filter needs a date as YYYY-MM-DD');
  }
  const day = value.trim().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw filterError(column, `"${day}" is not a calendar date`);
  }
  return day;
}

/** The schema column a filter or sort names; nothing else may reach SQL as an identifier. */
export function schemaColumn(
  schema: readonly ColumnSchema[],
  name: unknown,
  field = FIELD,
): ColumnSchema {
  const column = typeof name === 'string' ? schema.find((c) => c.name === name) : undefined;
  if (!column) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : String(name);
    throw new StepError(`column "${shown}" does not exist`, field);
  }
  return column;
}
