import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type KeyValue } from '@hydroml/contracts';
import { uniqueViolation } from '@hydroml/nest-kit';
import { EXPERIMENT_COLUMNS, type ExperimentRow } from './experiment.row.js';

export interface NewExperiment {
  projectId: string;
  name: string;
  artifactLocation?: string;
  tags: KeyValue[];
}

function alreadyExists(error: unknown, name: string): unknown {
  if (uniqueViolation(error) === 'experiments_project_name_key') {
    return new DomainError('conflict', `Experiment(name=${name}) already exists.`);
  }
  return error;
}

/** Experiments and their tags, in SQL (one statement per operation). */
@Injectable()
export class ExperimentsRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: NewExperiment): Promise<string> {
    const now = Date.now();
    try {
      const rows: Array<{ num: string }> = await this.db.query(
        `WITH n AS (SELECT nextval('experiments_num_seq') AS num),
         ins AS (
           INSERT INTO experiments (id, num, project_id, name, artifact_location, creation_time, last_update_time)
           SELECT $1, n.num, $2, $3, coalesce($4, 'mlflow-artifacts:/' || n.num), $5, $5 FROM n
           RETURNING id, num),
         tg AS (
           INSERT INTO experiment_tags (experiment_id, key, value)
           SELECT ins.id, t.key, t.value FROM ins, unnest($6::text[], $7::text[]) AS t(key, value))
         SELECT num FROM ins`,
        [
          randomUUID(),
          input.projectId,
          input.name,
          input.artifactLocation || null,
          now,
          input.tags.map((t) => t.key),
          input.tags.map((t) => t.value),
        ],
      );
      return String(rows[0].num);
    } catch (error) {
      throw alreadyExists(error, input.name);
    }
  }

  async byNum(num: string): Promise<ExperimentRow | undefined> {
    const rows: ExperimentRow[] = await this.db.query(
      `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e WHERE e.num = $1`,
      [num],
    );
    return rows[0];
  }

  async byNums(nums: string[]): Promise<Array<{ id: string; num: string; project_id: string }>> {
    return this.db.query(
      'SELECT id, num, project_id FROM experiments WHERE num = ANY($1::bigint[])',
      [nums],
    );
  }

  async inProject(projectId: string, name: string): Promise<ExperimentRow | undefined> {
    const rows: ExperimentRow[] = await this.db.query(
      `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e WHERE e.project_id = $1 AND e.name = $2`,
      [projectId, name],
    );
    return rows[0];
  }

  async byName(name: string): Promise<ExperimentRow[]> {
    return this.db.query(
      `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e WHERE e.name = $1 ORDER BY e.num`,
      [name],
    );
  }

  async search(where: string, order: string[], values: unknown[]): Promise<ExperimentRow[]> {
    const n = values.length;
    return this.db.query(
      `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e WHERE ${where}
       ORDER BY ${order.join(', ')} LIMIT $${n - 1} OFFSET $${n}`,
      values,
    );
  }

  async byProject(
    projectId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: ExperimentRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.query<ExperimentRow[]>(
        `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e WHERE e.project_id = $1
         AND e.lifecycle_stage = 'active' ORDER BY e.creation_time DESC, e.num LIMIT $2 OFFSET $3`,
        [projectId, limit, offset],
      ),
      this.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM experiments WHERE project_id = $1 AND lifecycle_stage = 'active'`,
        [projectId],
      ),
    ]);
    return { rows, total: count[0].n };
  }

  async rename(id: string, name: string): Promise<void> {
    try {
      await this.db.query('UPDATE experiments SET name = $2, last_update_time = $3 WHERE id = $1', [
        id,
        name,
        Date.now(),
      ]);
    } catch (error) {
      throw alreadyExists(error, name);
    }
  }

  /** Deleting or restoring an experiment does the same to its runs, as MLflow does. */
  async setLifecycle(id: string, stage: 'active' | 'deleted'): Promise<void> {
    const now = Date.now();
    await this.db.query(
      `WITH e AS (UPDATE experiments SET lifecycle_stage = $2, last_update_time = $3 WHERE id = $1)
       UPDATE runs SET lifecycle_stage = $2, deleted_time = CASE WHEN $2 = 'deleted' THEN $3::bigint END
       WHERE experiment_id = $1`,
      [id, stage, now],
    );
  }

  async setTag(id: string, key: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO experiment_tags (experiment_id, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value`,
      [id, key, value],
    );
  }

  async deleteTag(id: string, key: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH d AS (DELETE FROM experiment_tags WHERE experiment_id = $1 AND key = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [id, key],
    );
    return rows[0].n > 0;
  }
}
