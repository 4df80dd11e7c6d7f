import { Injectable } from '@nestjs/common';
import type { CallContext, GridRows, VersionRowsDto } from '@hydroml/contracts';
import {
  anchorAfter,
  compileGridQuery,
  parseGridRequest,
  ROW_ID,
  type GridQuery,
  type GridRequest,
} from '@hydroml/recipes';
import { VersionRelations } from '../versions/version-relations.js';
import { GridCache, hashOf } from './grid-cache.js';
import { GridQueries } from './grid-queries.js';
import { versionGridRelation, type GridRelation } from './grid-relation.js';

/**
 * AG Grid's server-side row model over any {@link GridRelation}: a version here, a session head for
 * the sessions area (`rows(relation, request)`). Pages and counts are cached in Redis by the
 * relation's content key and the request; deep pages continue by key from stored anchors.
 */
@Injectable()
export class GridService {
  constructor(
    private readonly relations: VersionRelations,
    private readonly cache: GridCache,
    private readonly queries: GridQueries,
  ) {}

  async versionRows(call: CallContext, dto: VersionRowsDto): Promise<GridRows> {
    const version = await this.relations.resolve(call, dto);
    return this.rows(versionGridRelation(version), dto.request);
  }

  /** One page (rows or group rows) and the exact count for `request` (AG Grid's, unchecked JSON). */
  async rows(relation: GridRelation, request: unknown): Promise<GridRows> {
    const parsed = parseGridRequest(request);
    const pageKey = `page:${relation.cacheKey}:${hashOf(parsed)}`;
    const cached = await this.cache.get<GridRows>(pageKey);
    if (cached) return cached;
    const orderKey = `anchor:${relation.cacheKey}:${hashOf(orderingOf(parsed))}`;
    const startRow = parsed.startRow ?? 0;
    const anchor = startRow > 0 ? await this.cache.anchor(orderKey, startRow) : undefined;
    const query = compileGridQuery(relation, parsed, anchor);
    const [rows, rowCount] = await Promise.all([
      this.queries.rows(query.pageSql, query.pageBinds),
      this.count(relation, query),
    ]);
    await this.remember(orderKey, query, rows);
    const result: GridRows = { rowData: rows.map(withoutRowId), rowCount };
    await this.cache.set(pageKey, result);
    return result;
  }

  private async count(relation: GridRelation, query: GridQuery): Promise<number> {
    const key = `count:${relation.cacheKey}:${hashOf([query.countSql, query.countBinds])}`;
    const cached = await this.cache.get<number>(key);
    if (cached !== undefined) return cached;
    const count = await this.queries.scalar(query.countSql, query.countBinds);
    await this.cache.set(key, count);
    return count;
  }

  /** Stores where the next page starts, so scrolling on continues by key instead of OFFSET. */
  private async remember(
    key: string,
    query: GridQuery,
    rows: Array<Record<string, unknown>>,
  ): Promise<void> {
    if (rows.length < query.limit) return;
    const anchor = anchorAfter(query, rows[rows.length - 1], query.startRow + rows.length - 1);
    if (anchor) await this.cache.addAnchor(key, anchor);
  }
}

/** The parts of a request that fix the row order (not the window). */
function orderingOf(request: GridRequest): unknown {
  return { ...request, startRow: undefined, endRow: undefined };
}

function withoutRowId(row: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...row };
  delete rest[ROW_ID];
  return rest;
}
