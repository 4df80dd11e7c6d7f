import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Quality: profiles cached per version, expectation suites and their validation runs. */
export class Quality1764300000400 implements MigrationInterface {
  name = 'Quality1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE quality_profiles (
      id uuid PRIMARY KEY,
      data_source_id uuid NOT NULL,
      version int NOT NULL,
      version_id uuid NOT NULL UNIQUE,
      sha256 text NOT NULL,
      profile jsonb NOT NULL,
      duration_ms int NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX quality_profiles_source ON quality_profiles (data_source_id, version)`,
    );
    await q.query(`CREATE TABLE quality_suites (
      id uuid PRIMARY KEY,
      data_source_id uuid NOT NULL,
      name text NOT NULL,
      expectations jsonb NOT NULL,
      auto_validate boolean NOT NULL DEFAULT false,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (data_source_id, name))`);
    await q.query(`CREATE TABLE quality_validations (
      id uuid PRIMARY KEY,
      suite_id uuid NOT NULL REFERENCES quality_suites (id) ON DELETE CASCADE,
      data_source_id uuid NOT NULL,
      version int NOT NULL,
      job_id uuid NOT NULL UNIQUE,
      trigger text NOT NULL CHECK (trigger IN ('manual','auto')),
      status text NOT NULL CHECK (status IN ('queued','succeeded','failed')),
      success boolean,
      score double precision,
      statistics jsonb,
      results jsonb,
      error text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz)`);
    await q.query(
      `CREATE INDEX quality_validations_source ON quality_validations (data_source_id, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality_validations`);
    await q.query(`DROP TABLE quality_suites`);
    await q.query(`DROP TABLE quality_profiles`);
  }
}
