import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  MlTask,
  ModelType,
  PreflightIssue,
  TrainingStatus,
  TrainingView,
} from '@hydroml/contracts';
import { uuidToHex } from '../../tracking/domain/ids.js';

export interface TrainingRow {
  id: string;
  project_id: string;
  job_id: string;
  run_id: string | null;
  experiment_num: string | null;
  status: TrainingStatus;
  task: MlTask | null;
  model_type: ModelType;
  spec: Record<string, unknown>;
  spec_hash: string;
  metrics: Record<string, number>;
  warnings: PreflightIssue[];
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface NewTraining {
  id: string;
  projectId: string;
  jobId: string;
  modelType: ModelType;
  task: MlTask | null;
  spec: object;
  specHash: string;
  warnings: PreflightIssue[];
  createdBy: string;
}

export function toTrainingView(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    jobId: row.job_id,
    runId: row.run_id ? uuidToHex(row.run_id) : null,
    experimentId: row.experiment_num === null ? null : String(row.experiment_num),
    task: row.task,
    modelType: row.model_type,
    spec: row.spec,
    specHash: row.spec_hash,
    metrics: row.metrics,
    warnings: row.warnings,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** Training rows: the spec, its job, its MLflow run and its outcome. */
@Injectable()
export class TrainingsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(t: NewTraining): Promise<void> {
    await this.db.query(
      `INSERT INTO trainings (id, project_id, job_id, status, task, model_type, spec, spec_hash,
         warnings, created_by)
       VALUES ($1, $2, $3, 'QUEUED', $4, $5, $6, $7, $8, $9)`,
      [
        ...[t.id, t.projectId, t.jobId, t.task, t.modelType, JSON.stringify(t.spec)],
        ...[t.specHash, JSON.stringify(t.warnings), t.createdBy],
      ],
    );
  }

  async find(id: string): Promise<TrainingRow | undefined> {
    const rows: TrainingRow[] = await this.db.query(`SELECT * FROM trainings WHERE id = $1`, [id]);
    return rows[0];
  }

  async started(id: string, runId: string, experimentNum: string, task: MlTask): Promise<void> {
    await this.db.query(
      `UPDATE trainings SET status = 'RUNNING', run_id = $2, experiment_num = $3, task = $4
       WHERE id = $1`,
      [id, runId, experimentNum, task],
    );
  }

  async finished(
    id: string,
    status: Exclude<TrainingStatus, 'QUEUED' | 'RUNNING'>,
    outcome: { metrics?: Record<string, number>; error?: string },
  ): Promise<void> {
    await this.db.query(
      `UPDATE trainings SET status = $2, metrics = $3, error = $4, finished_at = now()
       WHERE id = $1`,
      [id, status, JSON.stringify(outcome.metrics ?? {}), outcome.error ?? null],
    );
  }
}
