import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  PreflightResult,
  RegisteredBest,
  StudyRequestDto,
  StudyStatus,
} from '@hydroml/contracts';

/** What a study stores about itself beyond libs/hpo's trials. */
export interface StudyConfig {
  request: StudyRequestDto;
  metric: string;
  direction: 'minimize' | 'maximize';
  preflight: PreflightResult | null;
}

export interface StudyRow {
  id: string;
  project_id: string;
  name: string;
  status: StudyStatus;
  spec: StudyConfig;
  n_trials: number;
  deadline: Date | null;
  parallelism: number;
  trials_enqueued: number;
  parent_run_id: string | null;
  experiment_num: string | null;
  result: {
    registered?: RegisteredBest;
    error?: string;
  } | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface NewStudy {
  id: string;
  projectId: string;
  name: string;
  config: StudyConfig;
  nTrials: number;
  timeoutSeconds: number | null;
  parallelism: number;
  parentRunId: string;
  experimentNum: string;
  createdBy: string;
}

/** Study rows and their trial-job slots (the budget, claimed and settled atomically). */
@Injectable()
export class StudiesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(s: NewStudy): Promise<void> {
    await this.db.query(
      `INSERT INTO studies (id, project_id, name, status, spec, n_trials, deadline, parallelism,
         parent_run_id, experiment_num, created_by)
       VALUES ($1, $2, $3, 'RUNNING', $4, $5,
         CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(secs => $6::int) END,
         $7, $8, $9, $10)`,
      [
        ...[s.id, s.projectId, s.name, JSON.stringify(s.config), s.nTrials, s.timeoutSeconds],
        ...[s.parallelism, s.parentRunId, s.experimentNum, s.createdBy],
      ],
    );
  }

  async find(id: string): Promise<StudyRow | undefined> {
    const rows: StudyRow[] = await this.db.query(`SELECT * FROM studies WHERE id = $1`, [id]);
    return rows[0];
  }

  async byProject(projectId: string): Promise<StudyRow[]> {
    return this.db.query(
      `SELECT * FROM studies WHERE project_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [projectId],
    );
  }

  /** Claims the next trial slot for `jobId` while budget and time remain; false when none. */
  async claimSlot(studyId: string, jobId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [rows]: [unknown[], number] = await tx.query(
        `UPDATE studies SET trials_enqueued = trials_enqueued + 1
         WHERE id = $1 AND status = 'RUNNING' AND trials_enqueued < n_trials
           AND (deadline IS NULL OR deadline > now())
         RETURNING id`,
        [studyId],
      );
      if (rows.length === 0) return false;
      await tx.query(`INSERT INTO study_slots (job_id, study_id) VALUES ($1, $2)`, [
        jobId,
        studyId,
      ]);
      return true;
    });
  }

  async settleSlot(jobId: string): Promise<void> {
    await this.db.query(`UPDATE study_slots SET done = true WHERE job_id = $1`, [jobId]);
  }

  /**
   * True for the one caller that may close a RUNNING study whose slots are all settled and whose
   * budget (trials or time) is spent; the study stays RUNNING until {@link markFinished}.
   */
  async claimClosing(studyId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE studies s SET result = coalesce(s.result, '{}'::jsonb) || '{"closing": true}'::jsonb
       WHERE s.id = $1 AND s.status = 'RUNNING' AND NOT coalesce(s.result ? 'closing', false)
         AND NOT EXISTS (SELECT 1 FROM study_slots WHERE study_id = s.id AND NOT done)
         AND (s.trials_enqueued >= s.n_trials OR (s.deadline IS NOT NULL AND s.deadline <= now()))
       RETURNING s.id`,
      [studyId],
    );
    return rows.length > 0;
  }

  async markFinished(studyId: string): Promise<void> {
    await this.db.query(
      `UPDATE studies SET status = 'FINISHED', finished_at = now() WHERE id = $1 AND status = 'RUNNING'`,
      [studyId],
    );
  }

  /** RUNNING -> CANCELLED; returns the trial jobs still open, or null when it was not running. */
  async cancel(studyId: string): Promise<string[] | null> {
    return this.db.transaction(async (tx) => {
      const [rows]: [unknown[], number] = await tx.query(
        `UPDATE studies SET status = 'CANCELLED', finished_at = now()
         WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
        [studyId],
      );
      if (rows.length === 0) return null;
      // TypeORM answers an UPDATE ... RETURNING with [rows, count].
      const [open]: [Array<{ job_id: string }>, number] = await tx.query(
        `UPDATE study_slots SET done = true WHERE study_id = $1 AND NOT done RETURNING job_id`,
        [studyId],
      );
      return open.map((r) => r.job_id);
    });
  }

  async setResult(studyId: string, result: StudyRow['result']): Promise<void> {
    await this.db.query(
      `UPDATE studies SET result = coalesce(result, '{}'::jsonb) || $2 WHERE id = $1`,
      [studyId, JSON.stringify(result)],
    );
  }
}
