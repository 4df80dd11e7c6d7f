import type { ChartOptionsDto, ColumnSchema, ColumnType } from '@hydroml/contracts';
import { schemaColumn, type Binder } from '@hydroml/recipes';
import { DomainError } from '@hydroml/contracts';

export type Row = Record<string, unknown>;

/**
 * What a chart reads: the (filtered) dataset's schema, and `query(build)`, which runs the SELECT
 * `build(from, bind)` returns, `from` being the filtered relation (aliased, with the hidden row id).
 */
export interface ChartInput {
  schema: readonly ColumnSchema[];
  options: ChartOptionsDto;
  query(build: (from: string, bind: Binder) => string): Promise<Row[]>;
}

export const NUMERIC: readonly ColumnType[] = ['integer', 'float'];
export const ORDERED: readonly ColumnType[] = ['integer', 'float', 'date', 'timestamp'];

/** A schema column (by the option `field`), optionally of one of `types`; 400 otherwise. */
export function chartColumn(
  input: ChartInput,
  name: string | undefined,
  field: string,
  types?: readonly ColumnType[],
): ColumnSchema {
  if (name === undefined) throw new DomainError('invalid_argument', `"${field}" is required`);
  const column = schemaColumn(input.schema, name, field);
  if (types && !types.includes(column.type)) {
    throw new DomainError(
      'invalid_argument',
      `column "${column.name}" is ${column.type}; "${field}" needs ${types.join(' or ')}`,
    );
  }
  return column;
}

export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A size option within [1, max], or the default. */
export function sizeOf(input: ChartInput, fallback: number, max: number): number {
  const size = input.options.size ?? fallback;
  if (size > max) throw new DomainError('invalid_argument', `"size" may be at most ${max}`);
  return size;
}
