import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MLflow's dataset inputs: datasets per experiment, linked to runs with input tags. */
export class RunInputs1764300000230 implements MigrationInterface {
  name = 'RunInputs1764300000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE datasets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      experiment_id uuid NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
      name text NOT NULL,
      digest text NOT NULL,
      source_type text NOT NULL,
      source text NOT NULL,
      schema text,
      profile text,
      CONSTRAINT datasets_experiment_name_digest_key UNIQUE (experiment_id, name, digest))`);
    await q.query(`CREATE TABLE inputs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      CONSTRAINT inputs_dataset_run_key UNIQUE (dataset_id, run_id))`);
    await q.query(`CREATE INDEX inputs_run_idx ON inputs (run_id)`);
    await q.query(`CREATE TABLE input_tags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      input_id uuid NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
      key text NOT NULL,
      value text NOT NULL,
      CONSTRAINT input_tags_key UNIQUE (input_id, key))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE input_tags`);
    await q.query(`DROP TABLE inputs`);
    await q.query(`DROP TABLE datasets`);
  }
}
