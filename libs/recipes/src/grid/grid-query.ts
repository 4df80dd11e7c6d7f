import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import { StepError } from '../core/step-error.js';
import { ROW_ID, type SqlValue } from '../core/types.js';
import { compileFilterModel } from './filter-model.js';
import type { Binder } from './filter-values.js';
import { GRID_MAX_PAGE, type GridRequest } from './grid-request.js';
import { groupSelect, groupKeyCondition, type GroupLevel, groupLevel } from './group-rows.js';
import { canSeek, seekPredicate, type SeekAnchor } from './seek.js';
import { orderBy, parseSortModel, type SortKey } from './sort-model.js';

/** What the grid reads: a table expression (a CTE name or `(SELECT …)`) after an optional WITH. */
export interface GridSource {
  withClause?: string;
  /** A CTE name of `withClause`, or a parenthesised SELECT; it carries ROW_ID. */
  source: string;
  /** Values of the `$1…$k` placeholders used by `withClause` / `source`. */
  binds: readonly SqlValue[];
  schema: readonly ColumnSchema[];
  /**
   * True when ROW_ID numbers the rows 0..n-1 without gaps (a version's file row number): an
   * unsorted, unfiltered page is then the id range [startRow, endRow), at any depth.
   */
  contiguousRowIds?: boolean;
}

/** A grid request compiled to SQL: the page and the exact count, each with its binds. */
export interface GridQuery {
  mode: 'rows' | 'groups';
  pageSql: string;
  pageBinds: SqlValue[];
  countSql: string;
  countBinds: SqlValue[];
  startRow: number;
  limit: number;
  /** Sort keys of a rows page (ROW_ID follows them); the anchor of the next page is read from these. */
  sortKeys: SortKey[];
  /** True when the page started from an anchor (seek) rather than from OFFSET 0. */
  seeked: boolean;
  /** True when a rows page may be continued by key (see {@link SeekAnchor}). */
  seekable: boolean;
  /** True when rows are filtered (by the filter model or group keys): the count is not the total. */
  filtered: boolean;
}

function pageWindow(request: GridRequest): { startRow: number; limit: number } {
  const startRow = request.startRow ?? 0;
  const endRow = request.endRow ?? startRow + 100;
  if (!Number.isInteger(startRow) || !Number.isInteger(endRow) || startRow < 0) {
    throw new StepError('startRow and endRow must be integers, startRow >= 0', 'startRow');
  }
  const limit = endRow - startRow;
  if (limit < 1 || limit > GRID_MAX_PAGE) {
    throw new StepError(`a page holds 1 to ${GRID_MAX_PAGE} rows`, 'endRow');
  }
  return { startRow, limit };
}

function binderFor(binds: SqlValue[]): Binder {
  return (value) => {
    binds.push(value);
    return `$${binds.length}`;
  };
}

/** The WHERE of both queries: the filter model, then the group keys of the open group. */
function whereClause(
  source: GridSource,
  request: GridRequest,
  levels: GroupLevel,
  bind: Binder,
): string {
  const parts = [compileFilterModel(request.filterModel, source.schema, bind)];
  levels.keys.forEach((key, i) => parts.push(groupKeyCondition(levels.columns[i], key, bind)));
  return parts.filter((p) => p !== 'TRUE').join(' AND ') || 'TRUE';
}

function rowsQuery(
  source: GridSource,
  request: GridRequest,
  where: { sql: string; binds: SqlValue[] },
  anchor: SeekAnchor | undefined,
): Omit<GridQuery, 'countSql' | 'countBinds' | 'filtered'> {
  const { startRow, limit } = pageWindow(request);
  const sortKeys = parseSortModel(request.sortModel, source.schema);
  if (sortKeys.length === 0 && where.sql === 'TRUE' && source.contiguousRowIds) {
    return idRange(source, where.binds, startRow, limit);
  }
  const seekable = canSeek(sortKeys);
  const usable = seekable && anchor !== undefined && anchor.row <= startRow ? anchor : undefined;
  const pageBinds = [...where.binds];
  const seek = usable ? seekPredicate(sortKeys, ROW_ID, usable, binderFor(pageBinds)) : 'TRUE';
  const order = [orderBy(sortKeys), `${ident(ROW_ID)} ASC`].filter(Boolean).join(', ');
  const filter = [where.sql, seek].filter((p) => p !== 'TRUE').join(' AND ') || 'TRUE';
  const offset = startRow - (usable?.row ?? 0);
  const pageSql = `${prefix(source)}SELECT * FROM ${source.source} AS "__grid" WHERE ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  return {
    mode: 'rows',
    pageSql,
    pageBinds,
    startRow,
    limit,
    sortKeys,
    seeked: !!usable,
    seekable,
  };
}

/** The page of an unsorted, unfiltered relation whose row ids are 0..n-1: an id range, no OFFSET. */
function idRange(
  source: GridSource,
  binds: SqlValue[],
  startRow: number,
  limit: number,
): Omit<GridQuery, 'countSql' | 'countBinds' | 'filtered'> {
  const pageBinds = [...binds];
  const rid = ident(ROW_ID);
  const range = `${rid} >= ${startRow} AND ${rid} < ${startRow + limit}`;
  const pageSql = `${prefix(source)}SELECT * FROM ${source.source} AS "__grid" WHERE ${range} ORDER BY ${rid} LIMIT ${limit}`;
  return {
    mode: 'rows',
    pageSql,
    pageBinds,
    startRow,
    limit,
    sortKeys: [],
    seeked: true,
    seekable: false,
  };
}

function prefix(source: GridSource): string {
  return source.withClause ? `${source.withClause} ` : '';
}

/**
 * Compiles AG Grid's server-side request over `source`: rows (sorted, filtered, paged; by key from
 * `anchor` when one is given at or before startRow) or, while `rowGroupCols` has levels left to
 * open, group rows with their aggregates. Identifiers come only from the schema; values are bound
 * after `source.binds`. Throws invalid_argument naming the field for anything malformed.
 */
export function compileGridQuery(
  source: GridSource,
  request: GridRequest,
  anchor?: SeekAnchor,
): GridQuery {
  const binds = [...source.binds];
  const levels = groupLevel(source.schema, request);
  const where = whereClause(source, request, levels, binderFor(binds));
  const from = `${source.source} AS "__grid" WHERE ${where}`;
  if (levels.next) {
    const { startRow, limit } = pageWindow(request);
    const group = groupSelect(source.schema, request, levels.next);
    return {
      ...{ mode: 'groups', startRow, limit, sortKeys: [], seeked: false, seekable: false },
      pageSql: `${prefix(source)}SELECT ${group.select} FROM ${from} GROUP BY ${group.groupBy} ORDER BY ${group.orderBy} LIMIT ${limit} OFFSET ${startRow}`,
      pageBinds: binds,
      countSql: `${prefix(source)}SELECT count(*) AS n FROM (SELECT 1 FROM ${from} GROUP BY ${group.groupBy})`,
      countBinds: binds,
      filtered: true,
    };
  }
  return {
    ...rowsQuery(source, request, { sql: where, binds }, anchor),
    countSql: `${prefix(source)}SELECT count(*) AS n FROM ${from}`,
    countBinds: binds,
    filtered: where !== 'TRUE',
  };
}

/** The anchor after `row` (the last row of a rows page, at position `position`), or undefined. */
export function anchorAfter(
  query: GridQuery,
  row: Record<string, unknown>,
  position: number,
): SeekAnchor | undefined {
  if (query.mode !== 'rows' || !query.seekable) return undefined;
  const values = [...query.sortKeys.map((k) => row[k.name]), row[ROW_ID]];
  const scalar = (v: unknown): v is SqlValue =>
    v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!values.every(scalar) || values[values.length - 1] === null) return undefined;
  return { row: position + 1, values };
}

/** From this many rows past the nearest anchor, a page first finds its anchor (see below). */
export const DEEP_PAGE = 20_000;

/** A query for the anchor of a deep page: the sort keys and row id of the row before startRow. */
export interface AnchorQuery {
  sql: string;
  binds: SqlValue[];
  startRow: number;
  sortKeys: SortKey[];
}

/**
 * For a rows page at least {@link DEEP_PAGE} rows past the nearest known anchor (or the start):
 * a narrow query (sort keys and row id only) for the row just before startRow. Its OFFSET sorts far
 * less data than the page's would; the page then starts from it by key. Undefined otherwise.
 */
export function compileAnchorQuery(
  source: GridSource,
  request: GridRequest,
  anchor?: SeekAnchor,
): AnchorQuery | undefined {
  const levels = groupLevel(source.schema, request);
  const { startRow } = pageWindow(request);
  const sortKeys = parseSortModel(request.sortModel, source.schema);
  const usable = anchor !== undefined && anchor.row <= startRow ? anchor : undefined;
  const gap = startRow - (usable?.row ?? 0);
  if (levels.next || !canSeek(sortKeys) || gap < DEEP_PAGE) return undefined;
  const binds = [...source.binds];
  const bind = binderFor(binds);
  const where = whereClause(source, request, levels, bind);
  if (where === 'TRUE' && sortKeys.length === 0 && source.contiguousRowIds) return undefined;
  const seek = usable ? seekPredicate(sortKeys, ROW_ID, usable, bind) : 'TRUE';
  const filter = [where, seek].filter((p) => p !== 'TRUE').join(' AND ') || 'TRUE';
  const columns = [...sortKeys.map((k) => ident(k.name)), ident(ROW_ID)].join(', ');
  const order = [orderBy(sortKeys), `${ident(ROW_ID)} ASC`].filter(Boolean).join(', ');
  const sql = `${prefix(source)}SELECT ${columns} FROM ${source.source} AS "__grid" WHERE ${filter} ORDER BY ${order} LIMIT 1 OFFSET ${gap - 1}`;
  return { sql, binds, startRow, sortKeys };
}

/** The anchor at `query.startRow` from the row the anchor query found. */
export function anchorFromRow(
  query: AnchorQuery,
  row: Record<string, unknown>,
): SeekAnchor | undefined {
  const pseudo = { mode: 'rows', seekable: true, sortKeys: query.sortKeys } as GridQuery;
  return anchorAfter(pseudo, row, query.startRow - 1);
}
