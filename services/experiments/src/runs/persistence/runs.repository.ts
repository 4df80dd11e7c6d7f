import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeyValue, RunStatus } from '@hydroml/contracts';
import { RUN_COLUMNS, runDataColumns, type RunDataRow, type RunRow } from './run.row.js';

export interface NewRun {
  id: string;
  experimentId: string;
  name: string;
  userId: string;
  startTime: number;
  artifactUri: string;
  tags: KeyValue[];
}

export interface RunPatch {
  status?: RunStatus;
  endTime?: number;
  name?: string;
}

/** A run's own row and lifecycle; its logged data lives in RunDataRepository. */
@Injectable()
export class RunsRepository {
  constructor(private readonly db: DataSource) {}

  async create(run: NewRun): Promise<void> {
    await this.db.query(
      `WITH ins AS (
         INSERT INTO runs (id, experiment_id, name, user_id, status, start_time, artifact_uri)
         VALUES ($1, $2, $3, $4, 'RUNNING', $5, $6) RETURNING id)
       INSERT INTO tags (run_id, key, value)
       SELECT ins.id, t.key, t.value FROM ins, unnest($7::text[], $8::text[]) AS t(key, value)`,
      [
        run.id,
        run.experimentId,
        run.name,
        run.userId,
        run.startTime,
        run.artifactUri,
        run.tags.map((t) => t.key),
        run.tags.map((t) => t.value),
      ],
    );
  }

  /** The run without its data: enough to check access and state before a write. */
  async head(id: string): Promise<RunRow | undefined> {
    const rows: RunRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = $1`,
      [id],
    );
    return rows[0];
  }

  async withData(id: string): Promise<RunDataRow | undefined> {
    const rows: RunDataRow[] = await this.db.query(
      `SELECT ${RUN_COLUMNS}, ${runDataColumns('r')}
       FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Applies the patch; a new name is mirrored into the `mlflow.runName` tag. */
  async update(id: string, patch: RunPatch): Promise<void> {
    await this.db.query(
      `WITH u AS (UPDATE runs SET status = coalesce($2, status), end_time = coalesce($3, end_time),
         name = coalesce($4, name) WHERE id = $1)
       INSERT INTO tags (run_id, key, value) SELECT $1, 'mlflow.runName', $4 WHERE $4::text IS NOT NULL
       ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value`,
      [id, patch.status ?? null, patch.endTime ?? null, patch.name ?? null],
    );
  }

  async setLifecycle(id: string, stage: 'active' | 'deleted'): Promise<void> {
    await this.db.query(
      `UPDATE runs SET lifecycle_stage = $2, deleted_time = CASE WHEN $2 = 'deleted' THEN $3::bigint END
       WHERE id = $1`,
      [id, stage, Date.now()],
    );
  }
}
