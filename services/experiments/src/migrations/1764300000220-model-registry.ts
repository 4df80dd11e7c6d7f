import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MLflow's model registry: models per project, numbered versions, tags and aliases. */
export class ModelRegistry1764300000220 implements MigrationInterface {
  name = 'ModelRegistry1764300000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registered_models (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      user_id text NOT NULL,
      last_version integer NOT NULL DEFAULT 0,
      creation_time bigint NOT NULL,
      last_update_time bigint NOT NULL,
      CONSTRAINT registered_models_project_name_key UNIQUE (project_id, name))`);
    await q.query(`CREATE INDEX registered_models_name_idx ON registered_models (name)`);
    await q.query(`CREATE TABLE model_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      model_id uuid NOT NULL REFERENCES registered_models(id) ON DELETE CASCADE,
      version integer NOT NULL,
      description text NOT NULL DEFAULT '',
      source text NOT NULL,
      run_id text NOT NULL DEFAULT '',
      run_link text NOT NULL DEFAULT '',
      current_stage text NOT NULL DEFAULT 'None',
      user_id text NOT NULL,
      creation_time bigint NOT NULL,
      last_update_time bigint NOT NULL,
      CONSTRAINT model_versions_model_version_key UNIQUE (model_id, version))`);
    await q.query(`CREATE INDEX model_versions_run_idx ON model_versions (run_id)`);
    for (const [table, owner, ref] of [
      ['registered_model_tags', 'model_id', 'registered_models'],
      ['model_version_tags', 'version_id', 'model_versions'],
    ]) {
      await q.query(`CREATE TABLE ${table} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ${owner} uuid NOT NULL REFERENCES ${ref}(id) ON DELETE CASCADE,
        key text NOT NULL,
        value text NOT NULL,
        CONSTRAINT ${table}_key UNIQUE (${owner}, key))`);
    }
    await q.query(`CREATE TABLE registered_model_aliases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      model_id uuid NOT NULL REFERENCES registered_models(id) ON DELETE CASCADE,
      alias text NOT NULL,
      version integer NOT NULL,
      CONSTRAINT registered_model_aliases_key UNIQUE (model_id, alias))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'registered_model_aliases',
      'model_version_tags',
      'registered_model_tags',
      'model_versions',
      'registered_models',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
