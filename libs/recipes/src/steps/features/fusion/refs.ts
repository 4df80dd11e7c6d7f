import type { ColumnSchema, VersionParent } from '@hydroml/contracts';
import { read } from '../../../core/params.js';
import { NUMERIC_TYPES, TEMPORAL_TYPES } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';

/** `{dataSourceId, version}` from raw params. */
export function readVersionRef(value: unknown, field: string): VersionParent {
  if (typeof value !== 'object' || value === null) {
    throw new StepError(`"${field}" must be {dataSourceId, version}`, field);
  }
  const raw = value as Record<string, unknown>;
  return {
    dataSourceId: read.string(raw, 'dataSourceId'),
    version: read.integer(raw, 'version', 1),
  };
}

/**
 * The SQL type two columns meet in (joins compare, unions stack): the same type, DOUBLE for mixed
 * numbers, TIMESTAMP for mixed dates/timestamps, else VARCHAR.
 */
export function commonType(
  columns: ReadonlyArray<Pick<ColumnSchema, 'type' | 'sourceType'>>,
): string {
  const types = new Set(columns.map((c) => c.sourceType));
  if (types.size === 1) return columns[0].sourceType;
  if (columns.every((c) => c.type === 'integer')) return 'BIGINT';
  if (columns.every((c) => NUMERIC_TYPES.includes(c.type))) return 'DOUBLE';
  if (columns.every((c) => TEMPORAL_TYPES.includes(c.type))) return 'TIMESTAMP';
  return 'VARCHAR';
}
