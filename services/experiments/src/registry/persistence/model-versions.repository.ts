import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeyValue, ModelStage, ModelVersionView } from '@hydroml/contracts';
import { VERSION_JSON } from './registry-json.js';

export interface NewVersion {
  modelId: string;
  source: string;
  runId: string;
  runLink: string;
  description: string;
  userId: string;
  tags: KeyValue[];
}

/** Model versions (numbered per model from the model's counter) and their tags. */
@Injectable()
export class ModelVersionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: NewVersion): Promise<number> {
    const rows: Array<{ version: number }> = await this.db.query(
      `WITH n AS (UPDATE registered_models SET last_version = last_version + 1, last_update_time = $7
                  WHERE id = $1 RETURNING last_version),
       ins AS (INSERT INTO model_versions (model_id, version, source, run_id, run_link, description,
                 user_id, creation_time, last_update_time)
               SELECT $1, n.last_version, $2, $3, $4, $5, $6, $7, $7 FROM n RETURNING id, version),
       tg AS (INSERT INTO model_version_tags (version_id, key, value)
              SELECT ins.id, t.key, t.value FROM ins, unnest($8::text[], $9::text[]) AS t(key, value))
       SELECT version FROM ins`,
      [
        input.modelId,
        input.source,
        input.runId,
        input.runLink,
        input.description,
        input.userId,
        Date.now(),
        input.tags.map((t) => t.key),
        input.tags.map((t) => t.value),
      ],
    );
    return rows[0].version;
  }

  async idOf(modelId: string, version: number): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.db.query(
      'SELECT id FROM model_versions WHERE model_id = $1 AND version = $2',
      [modelId, version],
    );
    return rows[0]?.id;
  }

  async view(id: string): Promise<ModelVersionView> {
    const rows: Array<{ j: ModelVersionView }> = await this.db.query(
      `SELECT ${VERSION_JSON} AS j FROM model_versions v JOIN registered_models m ON m.id = v.model_id
       WHERE v.id = $1`,
      [id],
    );
    return rows[0].j;
  }

  async setDescription(id: string, description: string): Promise<void> {
    await this.db.query(
      'UPDATE model_versions SET description = $2, last_update_time = $3 WHERE id = $1',
      [id, description, Date.now()],
    );
  }

  /** Deletes the version and the aliases that pointed at it. */
  async delete(modelId: string, version: number): Promise<void> {
    await this.db.query(
      `WITH a AS (DELETE FROM registered_model_aliases WHERE model_id = $1 AND version = $2)
       DELETE FROM model_versions WHERE model_id = $1 AND version = $2`,
      [modelId, version],
    );
  }

  /** Moves the version to `stage`; with `archiveOthers`, others in that stage become Archived. */
  async transition(id: string, stage: ModelStage, archiveOthers: boolean): Promise<void> {
    const now = Date.now();
    await this.db.query(
      `WITH others AS (
         UPDATE model_versions o SET current_stage = 'Archived', last_update_time = $3
         FROM model_versions me WHERE me.id = $1 AND o.model_id = me.model_id AND o.id <> $1
           AND o.current_stage = $2 AND $4::boolean)
       UPDATE model_versions SET current_stage = $2, last_update_time = $3 WHERE id = $1`,
      [id, stage, now, archiveOthers],
    );
  }

  async latest(modelId: string, stages: string[] | null): Promise<ModelVersionView[]> {
    const rows: Array<{ j: ModelVersionView }> = await this.db.query(
      `SELECT ${VERSION_JSON} AS j FROM
         (SELECT DISTINCT ON (current_stage) * FROM model_versions
          WHERE model_id = $1 AND ($2::text[] IS NULL OR current_stage = ANY($2::text[]))
          ORDER BY current_stage, version DESC) v
       JOIN registered_models m ON m.id = v.model_id ORDER BY v.version`,
      [modelId, stages],
    );
    return rows.map((row) => row.j);
  }

  async search(where: string, order: string[], values: unknown[]): Promise<ModelVersionView[]> {
    const n = values.length;
    const rows: Array<{ j: ModelVersionView }> = await this.db.query(
      `SELECT ${VERSION_JSON} AS j FROM model_versions v JOIN registered_models m ON m.id = v.model_id
       WHERE ${where} ORDER BY ${order.join(', ')} LIMIT $${n - 1} OFFSET $${n}`,
      values,
    );
    return rows.map((row) => row.j);
  }

  async setTag(id: string, key: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO model_version_tags (version_id, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (version_id, key) DO UPDATE SET value = excluded.value`,
      [id, key, value],
    );
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM model_version_tags WHERE version_id = $1 AND key = $2', [
      id,
      key,
    ]);
  }
}
