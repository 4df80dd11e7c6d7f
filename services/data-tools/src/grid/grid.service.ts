import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type GridRows,
  type VersionRowsDto,
} from '@hydroml/contracts';
import {
  anchorAfter,
  anchorFromRow,
  compileAnchorQuery,
  parquetSource,
  compileGridQuery,
  parseGridRequest,
  ROW_ID,
  type GridQuery,
  type GridRequest,
  type SeekAnchor,
} from '@hydroml/recipes';
import { AccessClient } from '../access/access.client.js';
import { sqlString } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import { GridCache, hashOf } from './grid-cache.js';
import { GridQueries } from './grid-queries.js';
import type { GridRelation } from './grid-relation.js';
import { VersionLookup } from './version-lookup.js';

/**
 * AG Grid's server-side row model over any {@link GridRelation}: a version here, a session head for
 * the sessions area (`rows(relation, request)`). Pages and counts are cached in Redis by the
 * relation's content key and the request; deep pages continue by key from stored anchors.
 */
@Injectable()
export class GridService {
  constructor(
    private readonly access: AccessClient,
    private readonly versions: VersionLookup,
    private readonly files: VersionCache,
    private readonly cache: GridCache,
    private readonly queries: GridQueries,
  ) {}

  /**
   * A version's page. The access check runs alongside the cache read (a page is only returned once
   * access is granted), so a cached page costs about one round trip.
   */
  async versionRows(call: CallContext, dto: VersionRowsDto): Promise<GridRows> {
    const parsed = parseGridRequest(dto.request);
    const entity = await this.versions.find(dto.dataSourceId, dto.version);
    const cacheKey = `v:${entity?.sha256 ?? 'none'}`;
    const [, cached] = await Promise.all([
      this.access.require(call, { type: 'data_source', id: dto.dataSourceId }, 'read'),
      entity ? this.cache.get<GridRows>(pageKey(cacheKey, parsed)) : undefined,
    ]);
    if (!entity) throw new DomainError('not_found', `version ${dto.version} not found`);
    if (cached) return cached;
    const path = await this.files.path(entity.blobKey, entity.sha256);
    const source = `(${parquetSource(sqlString(path))})`;
    const relation: GridRelation = {
      ...{ source, binds: [], schema: entity.schema, cacheKey, files: [path] },
      ...{ rowCount: entity.rows, contiguousRowIds: true },
    };
    return this.rows(relation, parsed);
  }

  /** One page (rows or group rows) and the exact count for `request` (AG Grid's, unchecked JSON). */
  async rows(relation: GridRelation, request: unknown): Promise<GridRows> {
    const parsed = parseGridRequest(request);
    const key = pageKey(relation.cacheKey, parsed);
    const cached = await this.cache.get<GridRows>(key);
    if (cached) return cached;
    const orderKey = `anchor:${relation.cacheKey}:${hashOf(orderingOf(parsed))}`;
    const startRow = parsed.startRow ?? 0;
    const anchor = startRow > 0 ? await this.cache.anchor(orderKey, startRow) : undefined;
    const query = compileGridQuery(relation, parsed, anchor);
    const [rows, rowCount] = await Promise.all([
      this.page(relation, parsed, { query, anchor, orderKey }),
      this.count(relation, query),
    ]);
    const result: GridRows = { rowData: rows.map(withoutRowId), rowCount };
    await this.cache.set(key, result);
    return result;
  }

  /**
   * The page's rows. A deep page with no anchor near it first finds one (a narrow query), stores
   * it, and starts from it by key; a page past the end is empty.
   */
  private async page(
    relation: GridRelation,
    request: GridRequest,
    plan: { query: GridQuery; anchor?: SeekAnchor; orderKey: string },
  ): Promise<Array<Record<string, unknown>>> {
    let query = plan.query;
    const deep = compileAnchorQuery(relation, request, plan.anchor);
    if (deep) {
      const [row] = await this.queries.rows(deep.sql, deep.binds);
      const anchor = row === undefined ? undefined : anchorFromRow(deep, row);
      if (!anchor) return [];
      await this.cache.addAnchor(plan.orderKey, anchor);
      query = compileGridQuery(relation, request, anchor);
    }
    const rows = await this.queries.rows(query.pageSql, query.pageBinds);
    await this.remember(plan.orderKey, query, rows);
    return rows;
  }

  private async count(relation: GridRelation, query: GridQuery): Promise<number> {
    if (!query.filtered && query.mode === 'rows' && relation.rowCount !== undefined) {
      return relation.rowCount;
    }
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

function pageKey(cacheKey: string, request: GridRequest): string {
  return `page:${cacheKey}:${hashOf(request)}`;
}
