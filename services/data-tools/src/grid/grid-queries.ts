import type { DuckDBValue } from '@duckdb/node-api';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@hydroml/contracts';
import type { SqlValue } from '@hydroml/recipes';
import { DuckEngine, readError } from '../engine/duck-engine.js';

/** Runs grid, chart and value queries on the service's DuckDB; errors become readable 400s. */
@Injectable()
export class GridQueries {
  constructor(private readonly engine: DuckEngine) {}

  async rows(sql: string, binds: readonly SqlValue[]): Promise<Array<Record<string, unknown>>> {
    return this.engine.use(async (connection) => {
      try {
        const reader = await connection.runAndReadAll(sql, binds as DuckDBValue[]);
        return reader.getRowObjectsJson();
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw readError('query failed', error);
      }
    });
  }

  /** The first column of the first row as a number (counts). */
  async scalar(sql: string, binds: readonly SqlValue[]): Promise<number> {
    const [row] = await this.rows(sql, binds);
    return Number(row === undefined ? 0 : Object.values(row)[0]);
  }
}
