import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseFilter } from '../../tracking/domain/filter-parser.js';
import {
  decodeKeysetToken,
  encodeKeysetToken,
  type SortKey,
} from '../../tracking/domain/page-token.js';
import { keysetPredicate, keysetSql, orderBySql } from '../../tracking/domain/run-keyset.js';
import { runFilterSql, runOrderSql } from '../../tracking/domain/run-search-sql.js';
import { SqlParams } from '../../tracking/domain/sql-params.js';
import { RUN_COLUMNS, runDataColumns, type RunDataRow } from './run.row.js';

export interface RunQuery {
  experimentIds: string[];
  stages: string[];
  filter?: string;
  extended: boolean;
  orderBy?: string[];
  limit: number;
  /** A token from a previous page of the same search. */
  pageToken?: string;
  withTotal: boolean;
  columns?: string[];
}

export interface RunPage {
  rows: RunDataRow[];
  nextPageToken?: string;
  total?: number;
}

/**
 * Search in one round trip: the page is ranked with the requested order (ties: newest first,
 * then id) and each run's latest metrics, params and tags come back as json aggregates. Pages
 * resume after the last row's sort key (keyset), never by offset.
 */
@Injectable()
export class RunSearchRepository {
  constructor(private readonly db: DataSource) {}

  async search(query: RunQuery): Promise<RunPage> {
    const params = new SqlParams();
    const experiments = params.add(query.experimentIds);
    const stages = params.add(query.stages);
    const filter = runFilterSql(parseFilter(query.filter, { extended: query.extended }), params);
    const where = `r.experiment_id = ANY(${experiments}::uuid[])
          AND r.lifecycle_stage = ANY(${stages}::text[]) AND ${filter}`;
    const order = runOrderSql(query.orderBy, params);
    const after = decodeKeysetToken(query.pageToken, order.terms.length);
    const resume = after ? keysetPredicate(order.terms, after, params) : 'TRUE';
    const limit = params.add(query.limit);
    const keys = query.columns ? params.add(query.columns) : undefined;
    const total = query.withTotal ? `, (SELECT count(*) FROM runs r WHERE ${where}) AS total` : '';
    const sql = `
      WITH page AS (
        SELECT ${RUN_COLUMNS}, ${keysetSql(order.terms)} AS sort_key,
          row_number() OVER (ORDER BY ${orderBySql(order.terms)}) AS ord
        FROM runs r JOIN experiments e ON e.id = r.experiment_id
        ${order.joins.join('\n')}
        WHERE ${where} AND ${resume}
        ORDER BY ord LIMIT ${limit})
      SELECT page.*, ${runDataColumns('page', keys)}${total} FROM page ORDER BY ord`;
    const rows: Array<RunDataRow & { sort_key: SortKey }> = await this.db.query(sql, params.values);
    const last = rows[rows.length - 1];
    return {
      rows,
      nextPageToken: rows.length === query.limit ? encodeKeysetToken(last.sort_key) : undefined,
      total: query.withTotal ? Number(rows[0]?.total ?? 0) : undefined,
    };
  }
}
