import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Baseline: the schema exists and its migrations table is in place; later issues add tables. */
export class BaselineExperiments1764300000200 implements MigrationInterface {
  name = 'BaselineExperiments1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_info (
      id uuid PRIMARY KEY,
      key text NOT NULL UNIQUE,
      value text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_info`);
  }
}
