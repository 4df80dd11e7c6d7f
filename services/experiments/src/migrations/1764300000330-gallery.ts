import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public gallery of finished trainings and the drafts forked from it. */
export class Gallery1764300000330 implements MigrationInterface {
  name = 'Gallery1764300000330';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gallery (
      id uuid PRIMARY KEY,
      training_id uuid NOT NULL UNIQUE,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      model_type text NOT NULL,
      task text,
      metrics jsonb NOT NULL,
      spec jsonb NOT NULL,
      published_by uuid NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX gallery_model_idx ON gallery (model_type, published_at)`);
    await q.query(`CREATE TABLE gallery_forks (
      id uuid PRIMARY KEY,
      gallery_id uuid NOT NULL REFERENCES gallery (id) ON DELETE CASCADE,
      project_id uuid NOT NULL,
      draft jsonb NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gallery_forks`);
    await q.query(`DROP TABLE gallery`);
  }
}
