import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitProjects1764300000100 implements MigrationInterface {
  name = 'InitProjects1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projects (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      description text,
      is_public boolean NOT NULL DEFAULT false,
      is_default boolean NOT NULL DEFAULT false,
      owner_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX projects_one_default_per_owner ON projects (owner_id) WHERE is_default`,
    );
    await q.query(`CREATE TABLE memberships (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer', 'editor', 'owner')),
      added_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT memberships_project_user_key UNIQUE (project_id, user_id))`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id, project_id)`);
    await q.query(`CREATE TABLE favorites (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT favorites_user_project_key UNIQUE (user_id, project_id))`);
    await q.query(`CREATE TABLE data_sources (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      description text,
      kind text NOT NULL,
      status text NOT NULL,
      owner_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE project_data_sources (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      data_source_id uuid NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
      linked_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT project_data_sources_key UNIQUE (project_id, data_source_id))`);
    await q.query(
      `CREATE INDEX project_data_sources_ds_idx ON project_data_sources (data_source_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_data_sources`);
    await q.query(`DROP TABLE data_sources`);
    await q.query(`DROP TABLE favorites`);
    await q.query(`DROP TABLE memberships`);
    await q.query(`DROP TABLE projects`);
  }
}
