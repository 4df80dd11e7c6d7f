import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import { StepError } from '../core/step-error.js';
import { isRecord, schemaColumn, type Binder } from './filter-values.js';
import {
  GRID_AGG_FUNCS,
  GROUP_CHILD_COUNT,
  type GridAggFunc,
  type GridRequest,
} from './grid-request.js';
import { castableType } from './seek.js';
import { orderBy, parseSortModel } from './sort-model.js';

/** The open group path: the grouping columns, the keys chosen so far, the level to list next. */
export interface GroupLevel {
  columns: ColumnSchema[];
  keys: Array<string | null>;
  next?: ColumnSchema;
}

function columnOf(schema: readonly ColumnSchema[], item: unknown, field: string): ColumnSchema {
  if (!isRecord(item)) throw new StepError(`each of "${field}" needs an id`, field);
  return schemaColumn(schema, item.field ?? item.id, field);
}

export function groupLevel(schema: readonly ColumnSchema[], request: GridRequest): GroupLevel {
  const raw = request.rowGroupCols ?? [];
  const keys = request.groupKeys ?? [];
  if (!Array.isArray(raw) || !Array.isArray(keys) || keys.length > raw.length) {
    throw new StepError('groupKeys cannot be longer than rowGroupCols', 'groupKeys');
  }
  if (!keys.every((k) => k === null || typeof k === 'string')) {
    throw new StepError('group keys must be strings', 'groupKeys');
  }
  const columns = raw.map((item) => columnOf(schema, item, 'rowGroupCols'));
  return { columns, keys, next: columns[keys.length] };
}

/** Types whose group key is compared as a typed value (a DuckDB type name from DESCRIBE). */
const TYPED_KEYS = new Set(['integer', 'float', 'boolean', 'date', 'timestamp']);

/**
 * The rows of an opened group (null for blanks). The key is the group row's value as the client
 * saw it in JSON (a float 1.0 arrives as "1", a BIGINT as "5", a date as "2024-01-02"), so it is
 * converted to the column's type and compared as a value, not as text; a key that does not convert
 * matches no row.
 */
export function groupKeyCondition(column: ColumnSchema, key: string | null, bind: Binder): string {
  const col = ident(column.name);
  if (key === null) return `${col} IS NULL`;
  if (column.type === 'string') return `${col} = ${bind(key)}`;
  const type = TYPED_KEYS.has(column.type) ? castableType(column) : undefined;
  if (type !== undefined) return `${col} = TRY_CAST(${bind(key)} AS ${type})`;
  return `CAST(${col} AS VARCHAR) = ${bind(key)}`;
}

function aggregate(column: ColumnSchema, aggFunc: unknown): string {
  const fn = (aggFunc ?? 'sum') as GridAggFunc;
  if (!GRID_AGG_FUNCS.includes(fn)) {
    throw new StepError(`aggFunc must be one of ${GRID_AGG_FUNCS.join(', ')}`, 'valueCols');
  }
  if ((fn === 'sum' || fn === 'avg') && column.type !== 'integer' && column.type !== 'float') {
    throw new StepError(
      `column "${column.name}" is ${column.type}; ${fn} needs numbers`,
      'valueCols',
    );
  }
  // A sum of integers is HUGEINT, which JSON carries as text: send a number (exact to 2^53).
  if (fn === 'sum' && column.type === 'integer')
    return `CAST(sum(${ident(column.name)}) AS DOUBLE)`;
  return `${fn}(${ident(column.name)})`;
}

/** SELECT list, GROUP BY and ORDER BY of one level of group rows with their aggregates. */
export function groupSelect(
  schema: readonly ColumnSchema[],
  request: GridRequest,
  group: ColumnSchema,
): { select: string; groupBy: string; orderBy: string } {
  const values = (request.valueCols ?? []).map((item) => ({
    column: columnOf(schema, item, 'valueCols'),
    aggFunc: isRecord(item) ? item.aggFunc : undefined,
  }));
  const shown = values.filter((v) => v.column.name !== group.name);
  const items = [
    ident(group.name),
    ...shown.map((v) => `${aggregate(v.column, v.aggFunc)} AS ${ident(v.column.name)}`),
    `CAST(count(*) AS INTEGER) AS ${ident(GROUP_CHILD_COUNT)}`,
  ];
  const outputs = [group.name, ...shown.map((v) => v.column.name)];
  const sortable = (Array.isArray(request.sortModel) ? request.sortModel : []).filter((s) =>
    outputs.includes(s.colId),
  );
  const keys = parseSortModel(sortable, [], outputs);
  const order = orderBy(keys.length > 0 ? keys : [{ name: group.name, descending: false }]);
  return { select: items.join(', '), groupBy: ident(group.name), orderBy: order };
}
