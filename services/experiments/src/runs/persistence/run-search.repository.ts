import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseFilter } from '../../tracking/domain/filter-parser.js';
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
  offset: number;
  withTotal: boolean;
  columns?: string[];
}

/**
 * Search in one round trip: the page is ranked with the requested order (ties: newest first,
 * then id) and each run's latest metrics, params and tags come back as json aggregates.
 */
@Injectable()
export class RunSearchRepository {
  constructor(private readonly db: DataSource) {}

  async search(query: RunQuery): Promise<RunDataRow[]> {
    const params = new SqlParams();
    const experiments = params.add(query.experimentIds);
    const stages = params.add(query.stages);
    const filter = runFilterSql(parseFilter(query.filter, { extended: query.extended }), params);
    const order = runOrderSql(query.orderBy, params);
    const limit = params.add(query.limit);
    const offset = params.add(query.offset);
    const keys = query.columns ? params.add(query.columns) : undefined;
    const total = query.withTotal ? ', count(*) OVER () AS total' : '';
    const sql = `
      WITH page AS (
        SELECT ${RUN_COLUMNS}, row_number() OVER (ORDER BY ${order.terms.join(', ')}) AS ord${total}
        FROM runs r JOIN experiments e ON e.id = r.experiment_id
        ${order.joins.join('\n')}
        WHERE r.experiment_id = ANY(${experiments}::uuid[])
          AND r.lifecycle_stage = ANY(${stages}::text[]) AND ${filter}
        ORDER BY ord LIMIT ${limit} OFFSET ${offset})
      SELECT page.*, ${runDataColumns('page', keys)} FROM page ORDER BY ord`;
    return this.db.query(sql, params.values);
  }
}
