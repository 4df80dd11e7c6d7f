import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobsTable, dropJobsTable } from '@hydroml/jobs';

/** Jobs and immutable dataset versions. */
export class Datasets1764300000220 implements MigrationInterface {
  name = 'Datasets1764300000220';

  async up(q: QueryRunner): Promise<void> {
    await createJobsTable(q);
    await q.query(`CREATE TABLE dataset_versions (
      id uuid PRIMARY KEY,
      data_source_id uuid NOT NULL,
      version int NOT NULL CHECK (version > 0),
      origin text NOT NULL CHECK (origin IN ('uploaded','imported','prepared','fused')),
      parents jsonb NOT NULL DEFAULT '[]',
      job_id uuid NOT NULL UNIQUE,
      blob_key text NOT NULL,
      source_blob_key text,
      source_file_name text,
      rows bigint NOT NULL,
      columns int NOT NULL,
      bytes bigint NOT NULL,
      sha256 text NOT NULL,
      schema jsonb NOT NULL,
      stats jsonb NOT NULL,
      detection jsonb NOT NULL,
      warnings jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (data_source_id, version))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dataset_versions`);
    await dropJobsTable(q);
  }
}
