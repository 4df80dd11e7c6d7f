import { StepError } from '../core/step-error.js';
import { isRecord } from './filter-values.js';
import type { GridColumn, GridRequest, GridSortItem } from './grid-request.js';

function optionalInt(raw: Record<string, unknown>, field: string): number | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new StepError(`"${field}" must be a non-negative integer`, field);
  }
  return value;
}

function list(raw: Record<string, unknown>, field: string, max: number): unknown[] {
  const value = raw[field] ?? [];
  if (!Array.isArray(value) || value.length > max) {
    throw new StepError(`"${field}" must be a list of at most ${max} items`, field);
  }
  return value;
}

function columns(raw: Record<string, unknown>, field: string): GridColumn[] {
  return list(raw, field, 50).map((item) => {
    if (!isRecord(item) || typeof item.id !== 'string') {
      throw new StepError(`each of "${field}" needs a string id`, field);
    }
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return { id: item.id, field: text(item.field), aggFunc: text(item.aggFunc) };
  });
}

/**
 * AG Grid's server-side request as it arrives over the wire (unknown JSON) checked into a
 * {@link GridRequest}. Keys HydroML does not serve (pivot) are ignored; pivot mode is refused.
 */
export function parseGridRequest(raw: unknown): GridRequest {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw new StepError('the grid request must be an object', 'request');
  if (raw.pivotMode === true) throw new StepError('pivot mode is not supported', 'pivotMode');
  const sortModel = list(raw, 'sortModel', 20) as GridSortItem[];
  const groupKeys = list(raw, 'groupKeys', 50);
  if (!groupKeys.every((k) => k === null || typeof k === 'string')) {
    throw new StepError('group keys must be strings', 'groupKeys');
  }
  const filterModel = raw.filterModel ?? undefined;
  if (filterModel !== undefined && !isRecord(filterModel)) {
    throw new StepError('"filterModel" must be an object', 'filterModel');
  }
  return {
    startRow: optionalInt(raw, 'startRow'),
    endRow: optionalInt(raw, 'endRow'),
    sortModel,
    filterModel,
    rowGroupCols: columns(raw, 'rowGroupCols'),
    valueCols: columns(raw, 'valueCols'),
    groupKeys: groupKeys,
  };
}
