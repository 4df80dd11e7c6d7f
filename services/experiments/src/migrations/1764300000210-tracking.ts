import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MLflow-shaped tracking tables. Every row has a UUID key; MLflow's ids stay in their wire forms
 * (experiment number, run uuid as 32 hex). `latest_metrics` keeps one row per (run, key) so search
 * filters and orders on metrics without scanning the history.
 */
export class Tracking1764300000210 implements MigrationInterface {
  name = 'Tracking1764300000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE experiments (
      id uuid PRIMARY KEY,
      num bigserial NOT NULL UNIQUE,
      project_id uuid NOT NULL,
      name text NOT NULL,
      artifact_location text NOT NULL,
      lifecycle_stage text NOT NULL DEFAULT 'active',
      creation_time bigint NOT NULL,
      last_update_time bigint NOT NULL,
      CONSTRAINT experiments_project_name_key UNIQUE (project_id, name))`);
    await q.query(`CREATE INDEX experiments_name_idx ON experiments (name)`);
    await q.query(`CREATE TABLE experiment_tags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      experiment_id uuid NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
      key text NOT NULL,
      value text NOT NULL,
      CONSTRAINT experiment_tags_key UNIQUE (experiment_id, key))`);
    await q.query(`CREATE TABLE runs (
      id uuid PRIMARY KEY,
      experiment_id uuid NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
      name text NOT NULL,
      user_id text NOT NULL,
      status text NOT NULL,
      start_time bigint NOT NULL,
      end_time bigint,
      artifact_uri text NOT NULL,
      lifecycle_stage text NOT NULL DEFAULT 'active',
      deleted_time bigint)`);
    await q.query(`CREATE INDEX runs_experiment_start_idx
      ON runs (experiment_id, start_time DESC, id)`);
    await this.createRunChildren(q);
  }

  private async createRunChildren(q: QueryRunner): Promise<void> {
    for (const table of ['params', 'tags']) {
      await q.query(`CREATE TABLE ${table} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key text NOT NULL,
        value text NOT NULL,
        CONSTRAINT ${table}_run_key UNIQUE (run_id, key))`);
      await q.query(`CREATE INDEX ${table}_key_value_idx ON ${table} (key, value, run_id)`);
    }
    await q.query(`CREATE TABLE metrics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      key text NOT NULL,
      value double precision NOT NULL,
      timestamp bigint NOT NULL,
      step bigint NOT NULL)`);
    await q.query(`CREATE INDEX metrics_history_idx ON metrics (run_id, key, step, timestamp)`);
    await q.query(`CREATE TABLE latest_metrics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      key text NOT NULL,
      value double precision NOT NULL,
      timestamp bigint NOT NULL,
      step bigint NOT NULL,
      CONSTRAINT latest_metrics_run_key UNIQUE (run_id, key))`);
    await q.query(
      `CREATE INDEX latest_metrics_key_value_idx ON latest_metrics (key, value, run_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['latest_metrics', 'metrics', 'tags', 'params', 'runs']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TABLE experiment_tags`);
    await q.query(`DROP TABLE experiments`);
  }
}
