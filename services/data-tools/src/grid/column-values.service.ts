import { Injectable } from '@nestjs/common';
import type { CallContext, ColumnValues, ColumnValuesDto } from '@hydroml/contracts';
import { ident, schemaColumn, type SqlValue } from '@hydroml/recipes';
import { VersionRelations } from '../versions/version-relations.js';
import { GridCache, hashOf } from './grid-cache.js';
import { GridQueries } from './grid-queries.js';
import { fromRelation, versionGridRelation, type GridRelation } from './grid-relation.js';

export interface ValuesRequest {
  column: string;
  search?: string;
  offset?: number;
  limit?: number;
}

/** Distinct values of a column for AG Grid's set filter: as text, with counts, paged, searchable. */
@Injectable()
export class ColumnValuesService {
  constructor(
    private readonly relations: VersionRelations,
    private readonly cache: GridCache,
    private readonly queries: GridQueries,
  ) {}

  async forVersion(call: CallContext, dto: ColumnValuesDto): Promise<ColumnValues> {
    const version = await this.relations.resolve(call, dto);
    return this.values(versionGridRelation(version), dto);
  }

  async values(relation: GridRelation, request: ValuesRequest): Promise<ColumnValues> {
    const column = schemaColumn(relation.schema, request.column, 'column');
    const offset = request.offset ?? 0;
    const limit = request.limit ?? 1000;
    const key = `values:${relation.cacheKey}:${hashOf([column.name, request.search, offset, limit])}`;
    const cached = await this.cache.get<ColumnValues>(key);
    if (cached) return cached;
    const binds: SqlValue[] = [...relation.binds];
    const col = ident(column.name);
    const text = column.type === 'string' ? col : `CAST(${col} AS VARCHAR)`;
    let where = 'TRUE';
    if (request.search) {
      binds.push(request.search);
      where = `contains(lower(v), lower($${binds.length}))`;
    }
    const { prefix, from } = fromRelation(relation);
    const sql = `${prefix}SELECT v, n, count(*) OVER () AS total FROM (SELECT ${text} AS v, count(*) AS n FROM ${from} GROUP BY v) WHERE ${where} ORDER BY v NULLS FIRST LIMIT ${limit} OFFSET ${offset}`;
    const rows = await this.queries.rows(sql, binds);
    const result: ColumnValues = {
      values: rows.map((r) => (typeof r.v === 'string' ? r.v : null)),
      counts: rows.map((r) => Number(r.n)),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      offset,
      limit,
    };
    await this.cache.set(key, result);
    return result;
  }
}
