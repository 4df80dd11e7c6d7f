import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Studio sessions (a recipe and its head per row) and the recipe a prepared version records. */
export class Sessions1764300000300 implements MigrationInterface {
  name = 'Sessions1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE studio_sessions (
      id uuid PRIMARY KEY,
      data_source_id uuid NOT NULL,
      version int NOT NULL CHECK (version > 0),
      steps jsonb NOT NULL DEFAULT '[]',
      head int NOT NULL DEFAULT 0 CHECK (head >= 0),
      schemas jsonb NOT NULL DEFAULT '[]',
      revision int NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX studio_sessions_source ON studio_sessions (data_source_id)`);
    await q.query(`CREATE INDEX studio_sessions_last_used ON studio_sessions (last_used_at)`);
    await q.query(`ALTER TABLE dataset_versions ADD COLUMN recipe jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_versions DROP COLUMN recipe`);
    await q.query(`DROP TABLE studio_sessions`);
  }
}
