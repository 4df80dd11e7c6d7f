import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { columnTypeOf } from '../core/column-types.js';
import type { RecipeEngine } from '../core/compile-recipe.js';
import type { SqlValue } from '../core/types.js';

/** {@link RecipeEngine} over one DuckDB connection (the caller owns and closes it). */
export class DuckRecipeEngine implements RecipeEngine {
  constructor(private readonly connection: DuckDBConnection) {}

  /** Runs `sql` with LIMIT 0: parameter types are only known once bound, and no rows are read. */
  async describe(sql: string, binds: readonly SqlValue[]): Promise<ColumnSchema[]> {
    const result = await this.connection.run(
      `SELECT * FROM (${sql}) LIMIT 0`,
      binds as DuckDBValue[],
    );
    const names = result.columnNames();
    return result.columnTypes().map((t, i) => {
      const sourceType = t.toString();
      return { name: names[i], type: columnTypeOf(sourceType), sourceType };
    });
  }

  async query(sql: string, binds: readonly SqlValue[]): Promise<Array<Record<string, unknown>>> {
    const reader = await this.connection.runAndReadAll(sql, binds as DuckDBValue[]);
    return reader.getRowObjectsJson();
  }
}
