import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import {
  dateOperand,
  filterError,
  numberOperand,
  textOperand,
  type Binder,
} from './filter-values.js';

/** One column condition of an AG Grid filter model (simple, or one of a combined model's conditions). */
export type Condition = Record<string, unknown>;

const COMPARE: Record<string, string> = {
  equals: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
};

function typeOf(column: ColumnSchema, condition: Condition): string {
  const type = condition.type;
  if (typeof type !== 'string') throw filterError(column.name, '"type" is required');
  return type;
}

/** A text condition: case-insensitive like AG Grid's default text filter; any column as text. */
export function textCondition(column: ColumnSchema, condition: Condition, bind: Binder): string {
  const col = ident(column.name);
  const text = column.type === 'string' ? col : `CAST(${col} AS VARCHAR)`;
  const type = typeOf(column, condition);
  if (type === 'blank') return `(${col} IS NULL OR trim(${text}) = '')`;
  if (type === 'notBlank') return `(${col} IS NOT NULL AND trim(${text}) <> '')`;
  if (type === 'empty') return 'TRUE';
  const value = `lower(${bind(textOperand(column.name, condition.filter))})`;
  const lowered = `lower(${text})`;
  switch (type) {
    case 'equals':
      return `${lowered} = ${value}`;
    case 'notEqual':
      return `(${col} IS NULL OR ${lowered} <> ${value})`;
    case 'contains':
      return `contains(${lowered}, ${value})`;
    case 'notContains':
      return `(${col} IS NULL OR NOT contains(${lowered}, ${value}))`;
    case 'startsWith':
      return `starts_with(${lowered}, ${value})`;
    case 'endsWith':
      return `ends_with(${lowered}, ${value})`;
    default:
      throw filterError(column.name, `unknown text filter type "${type}"`);
  }
}

/** Shared by number and date conditions: comparisons, ranges (inclusive), blanks. */
function rangeCondition(
  column: ColumnSchema,
  type: string,
  operands: { from: () => string; to: () => string; left: string },
): string {
  const col = ident(column.name);
  if (type === 'blank') return `${col} IS NULL`;
  if (type === 'notBlank') return `${col} IS NOT NULL`;
  if (type === 'empty') return 'TRUE';
  if (type === 'inRange') {
    return `${operands.left} BETWEEN ${operands.from()} AND ${operands.to()}`;
  }
  const op = COMPARE[type];
  if (op === undefined) throw filterError(column.name, `unknown filter type "${type}"`);
  const test = `${operands.left} ${op} ${operands.from()}`;
  return type === 'notEqual' ? `(${col} IS NULL OR ${test})` : test;
}

export function numberCondition(column: ColumnSchema, condition: Condition, bind: Binder): string {
  if (column.type !== 'integer' && column.type !== 'float') {
    throw filterError(column.name, `a number filter needs a numeric column, not ${column.type}`);
  }
  return rangeCondition(column, typeOf(column, condition), {
    left: ident(column.name),
    from: () => bind(numberOperand(column.name, condition.filter)),
    to: () => bind(numberOperand(column.name, condition.filterTo)),
  });
}

/** Dates compare by day, like AG Grid's date filter (timestamps are cut to their date). */
export function dateCondition(column: ColumnSchema, condition: Condition, bind: Binder): string {
  if (column.type !== 'date' && column.type !== 'timestamp') {
    throw filterError(column.name, `a date filter needs a date column, not ${column.type}`);
  }
  const col = ident(column.name);
  const day = (value: unknown) => `CAST(${bind(dateOperand(column.name, value))} AS DATE)`;
  return rangeCondition(column, typeOf(column, condition), {
    left: column.type === 'date' ? col : `CAST(${col} AS DATE)`,
    from: () => day(condition.dateFrom ?? condition.filter),
    to: () => day(condition.dateTo ?? condition.filterTo),
  });
}

const MAX_SET_VALUES = 10_000;

/** A set filter: the column's text must be one of `values`; `null` in the list matches blanks. */
export function setCondition(column: ColumnSchema, condition: Condition, bind: Binder): string {
  const values = condition.values;
  if (!Array.isArray(values)) throw filterError(column.name, '"values" must be a list');
  if (values.length > MAX_SET_VALUES) {
    throw filterError(column.name, `a set filter takes at most ${MAX_SET_VALUES} values`);
  }
  const col = ident(column.name);
  const text = column.type === 'string' ? col : `CAST(${col} AS VARCHAR)`;
  const present = values.filter((v) => v !== null && v !== undefined);
  const parts: string[] = [];
  if (present.length > 0) {
    const placeholders = present.map((v) => bind(textOperand(column.name, v)));
    parts.push(`${text} IN (${placeholders.join(', ')})`);
  }
  if (present.length < values.length) parts.push(`${col} IS NULL`);
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

/** The advanced filter's boolean condition: true, false, blank, notBlank. */
export function booleanCondition(column: ColumnSchema, condition: Condition): string {
  const col = ident(column.name);
  switch (typeOf(column, condition)) {
    case 'true':
      return `${col} = TRUE`;
    case 'false':
      return `${col} = FALSE`;
    case 'blank':
      return `${col} IS NULL`;
    case 'notBlank':
      return `${col} IS NOT NULL`;
    default:
      throw filterError(column.name, 'a boolean filter type is true, false, blank or notBlank');
  }
}
