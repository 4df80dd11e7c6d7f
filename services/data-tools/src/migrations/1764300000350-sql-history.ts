import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SQL console's history: one row per query a user ran, with its outcome. */
export class SqlHistory1764300000350 implements MigrationInterface {
  name = 'SqlHistory1764300000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sql_history (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      sql text NOT NULL,
      data_source_id uuid,
      version int,
      session_id uuid,
      status text NOT NULL CHECK (status IN ('succeeded','failed')),
      error text,
      row_count int,
      duration_ms int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX sql_history_user ON sql_history (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sql_history`);
  }
}
