import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type KeyValue, type RegisteredModelView } from '@hydroml/contracts';
import { uniqueViolation } from '@hydroml/nest-kit';
import { MODEL_JSON } from './registry-json.js';

export interface ModelRef {
  id: string;
  project_id: string;
  name: string;
}

function alreadyExists(error: unknown, name: string): unknown {
  if (uniqueViolation(error) === 'registered_models_project_name_key') {
    return new DomainError('conflict', `Registered Model (name=${name}) already exists.`);
  }
  return error;
}

/** Registered models, their tags and aliases. */
@Injectable()
export class ModelsRepository {
  constructor(private readonly db: DataSource) {}

  /** The model with this name in one of the given projects. */
  async find(name: string, projectIds: string[]): Promise<ModelRef | undefined> {
    const rows: ModelRef[] = await this.db.query(
      `SELECT id, project_id, name FROM registered_models
       WHERE name = $1 AND project_id = ANY($2::uuid[]) ORDER BY creation_time LIMIT 1`,
      [name, projectIds],
    );
    return rows[0];
  }

  async view(id: string): Promise<RegisteredModelView> {
    const rows: Array<{ j: RegisteredModelView }> = await this.db.query(
      `SELECT ${MODEL_JSON} AS j FROM registered_models m WHERE m.id = $1`,
      [id],
    );
    return rows[0].j;
  }

  async create(
    projectId: string,
    name: string,
    description: string,
    userId: string,
    tags: KeyValue[],
  ): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await this.db.query(
        `WITH ins AS (
           INSERT INTO registered_models (project_id, name, description, user_id, creation_time, last_update_time)
           VALUES ($1, $2, $3, $4, $5, $5) RETURNING id),
         tg AS (INSERT INTO registered_model_tags (model_id, key, value)
                SELECT ins.id, t.key, t.value FROM ins, unnest($6::text[], $7::text[]) AS t(key, value))
         SELECT id FROM ins`,
        [
          projectId,
          name,
          description,
          userId,
          Date.now(),
          tags.map((t) => t.key),
          tags.map((t) => t.value),
        ],
      );
      return rows[0].id;
    } catch (error) {
      throw alreadyExists(error, name);
    }
  }

  async update(id: string, patch: { name?: string; description?: string }): Promise<void> {
    try {
      await this.db.query(
        `UPDATE registered_models SET name = coalesce($2, name), description = coalesce($3, description),
           last_update_time = $4 WHERE id = $1`,
        [id, patch.name ?? null, patch.description ?? null, Date.now()],
      );
    } catch (error) {
      throw alreadyExists(error, patch.name ?? '');
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM registered_models WHERE id = $1', [id]);
  }

  async search(where: string, order: string[], values: unknown[]): Promise<RegisteredModelView[]> {
    const n = values.length;
    const rows: Array<{ j: RegisteredModelView }> = await this.db.query(
      `SELECT ${MODEL_JSON} AS j FROM registered_models m WHERE ${where}
       ORDER BY ${order.join(', ')} LIMIT $${n - 1} OFFSET $${n}`,
      values,
    );
    return rows.map((row) => row.j);
  }

  async countInProject(projectId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      'SELECT count(*)::int AS n FROM registered_models WHERE project_id = $1',
      [projectId],
    );
    return rows[0].n;
  }

  async setTag(id: string, key: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO registered_model_tags (model_id, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (model_id, key) DO UPDATE SET value = excluded.value`,
      [id, key, value],
    );
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM registered_model_tags WHERE model_id = $1 AND key = $2', [
      id,
      key,
    ]);
  }

  async setAlias(id: string, alias: string, version: number): Promise<void> {
    await this.db.query(
      `INSERT INTO registered_model_aliases (model_id, alias, version) VALUES ($1, $2, $3)
       ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version`,
      [id, alias, version],
    );
  }

  async deleteAlias(id: string, alias: string): Promise<void> {
    await this.db.query('DELETE FROM registered_model_aliases WHERE model_id = $1 AND alias = $2', [
      id,
      alias,
    ]);
  }

  async aliasVersion(id: string, alias: string): Promise<number | undefined> {
    const rows: Array<{ version: number }> = await this.db.query(
      'SELECT version FROM registered_model_aliases WHERE model_id = $1 AND alias = $2',
      [id, alias],
    );
    return rows[0]?.version;
  }
}
