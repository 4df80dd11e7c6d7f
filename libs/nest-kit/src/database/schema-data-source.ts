import pg from 'pg';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

export interface SchemaDataSourceInput {
  url: string;
  /** The service's own PostgreSQL schema (e.g. 'auth'). */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * TypeORM options for one service: its own schema, its own migrations table inside that schema,
 * migrations run at boot, never `synchronize`.
 */
export function schemaDataSourceOptions(input: SchemaDataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    schema: input.schema,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: input.poolSize ?? 10, options: `-c search_path=${input.schema}` },
  };
}

/** The schema must exist before TypeORM creates its migrations table in it. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
