/** One entry of AG Grid's `sortModel`. */
export interface GridSortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

/** A column of `rowGroupCols` / `valueCols` (AG Grid's ColumnVO). */
export interface GridColumn {
  id: string;
  field?: string;
  displayName?: string;
  aggFunc?: string;
}

/** AG Grid's server-side row-model request (the parts HydroML serves). */
export interface GridRequest {
  startRow?: number;
  endRow?: number;
  sortModel?: GridSortItem[];
  /** A colId-keyed filter model or the advanced filter model; compiled by compileFilterModel. */
  filterModel?: unknown;
  rowGroupCols?: GridColumn[];
  valueCols?: GridColumn[];
  groupKeys?: Array<string | null>;
}

export const GRID_AGG_FUNCS = ['sum', 'avg', 'min', 'max', 'count'] as const;
export type GridAggFunc = (typeof GRID_AGG_FUNCS)[number];

/** Largest page a request may ask for. */
export const GRID_MAX_PAGE = 5_000;

/** Key of a group row's child count in `rowData` (the group and value columns carry their ids). */
export const GROUP_CHILD_COUNT = '__hydroml_child_count';
