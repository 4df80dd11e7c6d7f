import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobsTable, dropJobsTable } from '@hydroml/jobs';

/** Jobs of the experiments service, trainings, studies and their HPO storage (trials). */
export class Training1764300000300 implements MigrationInterface {
  name = 'Training1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await createJobsTable(q);
    await q.query(`CREATE TABLE trainings (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL,
      job_id uuid NOT NULL UNIQUE,
      run_id uuid,
      experiment_num bigint,
      status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','FINISHED','FAILED','CANCELLED')),
      task text,
      model_type text NOT NULL,
      spec jsonb NOT NULL,
      spec_hash text NOT NULL,
      metrics jsonb NOT NULL DEFAULT '{}',
      warnings jsonb NOT NULL DEFAULT '[]',
      error text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX trainings_project_idx ON trainings (project_id, created_at)`);
    await this.studies(q);
  }

  private async studies(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hpo_studies (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      directions jsonb NOT NULL,
      user_attrs jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE hpo_trials (
      id uuid PRIMARY KEY,
      study_id uuid NOT NULL REFERENCES hpo_studies (id) ON DELETE CASCADE,
      number int NOT NULL,
      state text NOT NULL CHECK (state IN ('RUNNING','COMPLETE','PRUNED','FAIL','WAITING')),
      "values" jsonb,
      params jsonb NOT NULL DEFAULT '{}',
      internal_params jsonb NOT NULL DEFAULT '{}',
      distributions jsonb NOT NULL DEFAULT '{}',
      intermediate jsonb NOT NULL DEFAULT '[]',
      user_attrs jsonb NOT NULL DEFAULT '{}',
      system_attrs jsonb NOT NULL DEFAULT '{}',
      datetime_start timestamptz,
      datetime_complete timestamptz,
      UNIQUE (study_id, number))`);
    await q.query(`CREATE TABLE studies (
      id uuid PRIMARY KEY REFERENCES hpo_studies (id),
      project_id uuid NOT NULL,
      name text NOT NULL,
      status text NOT NULL CHECK (status IN ('RUNNING','FINISHED','FAILED','CANCELLED')),
      spec jsonb NOT NULL,
      n_trials int NOT NULL,
      deadline timestamptz,
      parallelism int NOT NULL,
      trials_enqueued int NOT NULL DEFAULT 0,
      parent_run_id uuid,
      experiment_num bigint,
      result jsonb,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX studies_project_idx ON studies (project_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE studies`);
    await q.query(`DROP TABLE hpo_trials`);
    await q.query(`DROP TABLE hpo_studies`);
    await q.query(`DROP TABLE trainings`);
    await dropJobsTable(q);
  }
}
