import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hyperparameter presets, per user and model type. */
export class Presets1764300000320 implements MigrationInterface {
  name = 'Presets1764300000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE presets (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      name text NOT NULL,
      model_type text NOT NULL,
      params jsonb NOT NULL,
      source_run_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE presets`);
  }
}
