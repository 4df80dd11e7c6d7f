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
 * Search in one round trip: the page is the top rows in the requested order (ties: newest first,
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
    // ORDER BY … LIMIT lets PostgreSQL keep only the top rows (a window over every match would
    // sort them all); the page's order terms come out as o0, o1, … to order the final rows again.
    const outputs = order.terms.map((t, i) => `(${t.expr}) AS o${i}`).join(', ');
    const outer = order.terms.map((t, i) => ({ ...t, expr: `page.o${i}` }));
    const sql = `
      WITH page AS (
        SELECT ${RUN_COLUMNS}, ${keysetSql(order.terms)} AS sort_key, ${outputs}
        FROM runs r JOIN experiments e ON e.id = r.experiment_id
        ${order.joins.join('\n')}
        WHERE ${where} AND ${resume}
        ORDER BY ${orderBySql(order.terms)} LIMIT ${limit})
      SELECT page.*, ${runDataColumns('page', keys)}${total} FROM page
      ORDER BY ${orderBySql(outer)}`;
    const rows: Array<RunDataRow & { sort_key: SortKey }> = await this.db.query(sql, params.values);
    const last = rows[rows.length - 1];
    return {
      rows,
      nextPageToken: rows.length === query.limit ? encodeKeysetToken(last.sort_key) : undefined,
      total: query.withTotal ? Number(rows[0]?.total ?? 0) : undefined,
    };
  }
}
