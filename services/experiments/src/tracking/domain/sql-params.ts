import type { Comparison } from './filter-parser.js';

/** Collects bound parameters for one SQL statement and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const SQL_OPERATORS: Record<string, string> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  LIKE: 'LIKE',
  ILIKE: 'ILIKE',
};

/** `column <comparator> value` for a scalar column (text or number). */
export function scalarPredicate(column: string, cmp: Comparison, params: SqlParams): string {
  if (cmp.comparator === 'IN') return `${column} = ANY(${params.add(cmp.value)}::text[])`;
  if (cmp.comparator === 'NOT IN') return `${column} <> ALL(${params.add(cmp.value)}::text[])`;
  if (cmp.comparator === 'IS NULL') return `${column} IS NULL`;
  if (cmp.comparator === 'IS NOT NULL') return `${column} IS NOT NULL`;
  return `${column} ${SQL_OPERATORS[cmp.comparator]} ${params.add(cmp.value)}`;
}
