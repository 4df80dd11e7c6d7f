import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Soft-deleted versions, and where imported versions came from. */
export class DatasetsLifecycle1764300000450 implements MigrationInterface {
  name = 'DatasetsLifecycle1764300000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dataset_versions
      ADD COLUMN IF NOT EXISTS deleted_at timestamptz,
      ADD COLUMN IF NOT EXISTS provenance jsonb`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS dataset_versions_parents ON dataset_versions USING gin (parents jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS dataset_versions_parents`);
    await q.query(`ALTER TABLE dataset_versions DROP COLUMN deleted_at, DROP COLUMN provenance`);
  }
}
