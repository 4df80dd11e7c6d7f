import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import { StepError } from '../core/step-error.js';
import { isRecord, schemaColumn } from './filter-values.js';

/** A validated sort key: a schema column (or a generated alias) and its direction. */
export interface SortKey {
  name: string;
  descending: boolean;
  column?: ColumnSchema;
}

const MAX_SORT = 20;

/**
 * Validates AG Grid's `sortModel`: each colId must name a column of `schema` (or one of `aliases`,
 * for group rows), each sort is asc or desc, no column twice. Throws invalid_argument (field `sortModel`).
 */
export function parseSortModel(
  sortModel: unknown,
  schema: readonly ColumnSchema[],
  aliases: readonly string[] = [],
): SortKey[] {
  if (sortModel === undefined || sortModel === null) return [];
  if (!Array.isArray(sortModel) || sortModel.length > MAX_SORT) {
    throw new StepError(`"sortModel" must be a list of at most ${MAX_SORT} items`, 'sortModel');
  }
  const seen = new Set<string>();
  return sortModel.map((item: unknown) => {
    if (!isRecord(item) || (item.sort !== 'asc' && item.sort !== 'desc')) {
      throw new StepError('each sort item needs a colId and sort asc or desc', 'sortModel');
    }
    const colId = item.colId;
    const alias = typeof colId === 'string' && aliases.includes(colId);
    const column = alias ? undefined : schemaColumn(schema, colId, 'sortModel');
    const name = column?.name ?? String(colId);
    if (seen.has(name)) throw new StepError(`column "${name}" is sorted twice`, 'sortModel');
    seen.add(name);
    return { name, descending: item.sort === 'desc', column };
  });
}

/** `ORDER BY` items; nulls always last, so seek pagination knows where they are. */
export function orderBy(keys: readonly SortKey[]): string {
  return keys.map((k) => `${ident(k.name)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`).join(', ');
}
