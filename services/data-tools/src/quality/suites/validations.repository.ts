import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  ExpectationResult,
  ValidationStatistics,
  ValidationStatus,
  ValidationSummary,
  ValidationView,
} from '@hydroml/contracts';

interface ValidationRow {
  id: string;
  suite_id: string;
  suite_name: string;
  data_source_id: string;
  version: number;
  job_id: string;
  trigger: 'manual' | 'auto';
  status: ValidationStatus;
  success: boolean | null;
  score: number | null;
  statistics: ValidationStatistics | null;
  results?: ExpectationResult[] | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

function toSummary(r: ValidationRow): ValidationSummary {
  return {
    ...{ id: r.id, suiteId: r.suite_id, suiteName: r.suite_name, dataSourceId: r.data_source_id },
    ...{ version: r.version, jobId: r.job_id, trigger: r.trigger, status: r.status },
    ...{ success: r.success, score: r.score, statistics: r.statistics, error: r.error },
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

const SUMMARY = `v.id, v.suite_id, s.name AS suite_name, v.data_source_id, v.version, v.job_id, v.trigger,
  v.status, v.success, v.score, v.statistics, v.error, v.created_at, v.finished_at`;

export interface NewValidation {
  id: string;
  suiteId: string;
  dataSourceId: string;
  version: number;
  trigger: 'manual' | 'auto';
  createdBy: string | null;
}

/** Validation runs: queued with their job (same id), then finished once with the results. */
@Injectable()
export class ValidationsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(v: NewValidation): Promise<void> {
    await this.db.query(
      `INSERT INTO quality_validations (id, suite_id, data_source_id, version, job_id, trigger, status, created_by)
       VALUES ($1, $2, $3, $4, $1, $5, 'queued', $6)`,
      [v.id, v.suiteId, v.dataSourceId, v.version, v.trigger, v.createdBy],
    );
  }

  async finish(
    id: string,
    outcome: { results: ExpectationResult[]; statistics: ValidationStatistics } | { error: string },
  ): Promise<void> {
    if ('error' in outcome) {
      await this.db.query(
        `UPDATE quality_validations SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [id, outcome.error],
      );
      return;
    }
    const s = outcome.statistics;
    await this.db.query(
      `UPDATE quality_validations SET status = 'succeeded', success = $2, score = $3, statistics = $4,
         results = $5, error = NULL, finished_at = now() WHERE id = $1`,
      [
        id,
        s.unsuccessful === 0,
        s.successPercent,
        JSON.stringify(s),
        JSON.stringify(outcome.results),
      ],
    );
  }

  async find(id: string): Promise<ValidationView | null> {
    const rows: ValidationRow[] = await this.db.query(
      `SELECT ${SUMMARY}, v.results FROM quality_validations v JOIN quality_suites s ON s.id = v.suite_id
       WHERE v.id = $1`,
      [id],
    );
    return rows[0] ? { ...toSummary(rows[0]), results: rows[0].results ?? null } : null;
  }

  async history(dataSourceId: string, suiteId: string | undefined, limit: number) {
    const rows: ValidationRow[] = await this.db.query(
      `SELECT ${SUMMARY} FROM quality_validations v JOIN quality_suites s ON s.id = v.suite_id
       WHERE v.data_source_id = $1 AND ($2::uuid IS NULL OR v.suite_id = $2)
       ORDER BY v.created_at DESC LIMIT $3`,
      [dataSourceId, suiteId ?? null, limit],
    );
    return rows.map(toSummary);
  }
}
