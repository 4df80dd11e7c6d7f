import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  HpoError,
  trialFromJson,
  type AttrValue,
  type Distribution,
  type FrozenTrial,
  type HpoStorage,
  type StudyDirection,
  type StudyRecord,
  type TrialState,
  type TrialTemplate,
} from '@hydroml/hpo';
import { toExternal } from '@hydroml/hpo';

interface TrialRow {
  id: string;
  number: number;
  state: TrialState;
  values: number[] | null;
  params: Record<string, string | number | boolean | null>;
  internal_params: Record<string, number>;
  distributions: Record<string, Distribution>;
  intermediate: [number, number][];
  user_attrs: Record<string, AttrValue>;
  system_attrs: Record<string, AttrValue>;
  datetime_start: Date | null;
  datetime_complete: Date | null;
}

function toFrozen(row: TrialRow): FrozenTrial {
  return trialFromJson({
    trialId: row.id,
    number: row.number,
    state: row.state,
    values: row.values,
    params: row.params,
    internalParams: row.internal_params,
    distributions: row.distributions,
    intermediateValues: [...row.intermediate].sort((a, b) => a[0] - b[0]),
    userAttrs: row.user_attrs,
    systemAttrs: row.system_attrs,
    datetimeStart: row.datetime_start ? new Date(row.datetime_start).toISOString() : null,
    datetimeComplete: row.datetime_complete ? new Date(row.datetime_complete).toISOString() : null,
  });
}

const OPEN = `state IN ('RUNNING','WAITING')`;

/**
 * libs/hpo's storage port on PostgreSQL, safe for several processes working one study: trial
 * numbers are assigned under a row lock on the study, a WAITING trial is claimed by a conditional
 * UPDATE, and finished trials are never updated (INVALID_STATE).
 */
@Injectable()
export class PgHpoStorage implements HpoStorage {
  constructor(private readonly db: DataSource) {}

  async createStudy(directions: readonly StudyDirection[], name?: string): Promise<StudyRecord> {
    const id = randomUUID();
    const studyName = name ?? `study-${id}`;
    if (await this.findStudy(studyName)) {
      throw new HpoError('INVALID_STATE', `Another study with name '${studyName}' already exists.`);
    }
    await this.db.query(`INSERT INTO hpo_studies (id, name, directions) VALUES ($1, $2, $3)`, [
      id,
      studyName,
      JSON.stringify(directions),
    ]);
    return { studyId: id, studyName, directions: [...directions] };
  }

  async findStudy(name: string): Promise<StudyRecord | null> {
    const rows: Array<{ id: string; name: string; directions: StudyDirection[] }> =
      await this.db.query(`SELECT id, name, directions FROM hpo_studies WHERE name = $1`, [name]);
    return rows[0]
      ? { studyId: rows[0].id, studyName: rows[0].name, directions: rows[0].directions }
      : null;
  }

  async setStudyUserAttr(studyId: string, key: string, value: AttrValue): Promise<void> {
    await this.db.query(
      `UPDATE hpo_studies SET user_attrs = user_attrs || jsonb_build_object($2::text, $3::jsonb)
       WHERE id = $1`,
      [studyId, key, JSON.stringify(value)],
    );
  }

  async getStudyUserAttrs(studyId: string): Promise<Readonly<Record<string, AttrValue>>> {
    const rows: Array<{ user_attrs: Record<string, AttrValue> }> = await this.db.query(
      `SELECT user_attrs FROM hpo_studies WHERE id = $1`,
      [studyId],
    );
    if (!rows[0]) throw new HpoError('NOT_FOUND', `No study with id ${studyId} exists.`);
    return rows[0].user_attrs;
  }

  /** The next number under a lock on the study row, so concurrent asks never share one. */
  async createTrial(studyId: string, template: TrialTemplate = {}): Promise<FrozenTrial> {
    const id = randomUUID();
    const state = template.state ?? 'RUNNING';
    await this.db.transaction(async (tx: EntityManager) => {
      const locked: unknown[] = await tx.query(
        `SELECT id FROM hpo_studies WHERE id = $1 FOR UPDATE`,
        [studyId],
      );
      if (locked.length === 0)
        throw new HpoError('NOT_FOUND', `No study with id ${studyId} exists.`);
      await tx.query(
        `INSERT INTO hpo_trials (id, study_id, number, state, user_attrs, system_attrs, datetime_start)
         SELECT $1, $2, coalesce(max(number) + 1, 0), $3, $4, $5,
                CASE WHEN $3 = 'RUNNING' THEN now() END
         FROM hpo_trials WHERE study_id = $2`,
        [
          ...[id, studyId, state],
          ...[JSON.stringify(template.userAttrs ?? {}), JSON.stringify(template.systemAttrs ?? {})],
        ],
      );
    });
    return this.getTrial(id);
  }

  async setTrialParam(id: string, name: string, internal: number, dist: Distribution) {
    await this.updateOpen(
      id,
      `params = params || jsonb_build_object($2::text, $3::jsonb),
       internal_params = internal_params || jsonb_build_object($2::text, $4::jsonb),
       distributions = distributions || jsonb_build_object($2::text, $5::jsonb)`,
      [name, JSON.stringify(toExternal(dist, internal)), String(internal), JSON.stringify(dist)],
    );
  }

  async setTrialStateValues(
    id: string,
    state: TrialState,
    values: readonly number[] | null = null,
  ): Promise<boolean> {
    if (state === 'RUNNING') {
      // TypeORM answers an UPDATE with [rows, count].
      const [claimed]: [unknown[], number] = await this.db.query(
        `UPDATE hpo_trials SET state = 'RUNNING', datetime_start = now()
         WHERE id = $1 AND state = 'WAITING' RETURNING id`,
        [id],
      );
      return claimed.length > 0;
    }
    const finished = state === 'COMPLETE' || state === 'PRUNED' || state === 'FAIL';
    await this.updateOpen(
      id,
      `state = $2, "values" = $3::jsonb,
       datetime_complete = CASE WHEN $4 THEN now() END`,
      [state, values === null ? null : JSON.stringify(values), finished],
    );
    return true;
  }

  async setTrialIntermediateValue(id: string, step: number, value: number): Promise<void> {
    await this.updateOpen(
      id,
      `intermediate = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(intermediate) e
                       WHERE (e->>0)::int <> $2) || jsonb_build_array(jsonb_build_array($2::int, $3::float8))`,
      [step, value],
    );
  }

  async setTrialUserAttr(id: string, key: string, value: AttrValue): Promise<void> {
    await this.updateOpen(
      id,
      `user_attrs = user_attrs || jsonb_build_object($2::text, $3::jsonb)`,
      [key, JSON.stringify(value)],
    );
  }

  async setTrialSystemAttr(id: string, key: string, value: AttrValue): Promise<void> {
    await this.updateOpen(
      id,
      `system_attrs = system_attrs || jsonb_build_object($2::text, $3::jsonb)`,
      [key, JSON.stringify(value)],
    );
  }

  async getTrial(id: string): Promise<FrozenTrial> {
    const rows: TrialRow[] = await this.db.query(`SELECT * FROM hpo_trials WHERE id = $1`, [id]);
    if (!rows[0]) throw new HpoError('NOT_FOUND', `No trial with id ${id} exists.`);
    return toFrozen(rows[0]);
  }

  async getTrialIdFromNumber(studyId: string, number: number): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM hpo_trials WHERE study_id = $1 AND number = $2`,
      [studyId, number],
    );
    if (!rows[0]) throw new HpoError('NOT_FOUND', `No trial with trial number ${number} exists.`);
    return rows[0].id;
  }

  async getAllTrials(studyId: string, states?: readonly TrialState[]) {
    const rows: TrialRow[] = await this.db.query(
      `SELECT * FROM hpo_trials WHERE study_id = $1 AND ($2::text[] IS NULL OR state = ANY($2))
       ORDER BY number`,
      [studyId, states ? [...states] : null],
    );
    return rows.map(toFrozen);
  }

  /** Updates an unfinished trial; a finished one is immutable (INVALID_STATE). */
  private async updateOpen(id: string, set: string, values: unknown[]): Promise<void> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE hpo_trials SET ${set} WHERE id = $1 AND ${OPEN} RETURNING id`,
      [id, ...values],
    );
    if (rows.length > 0) return;
    const trial = await this.getTrial(id);
    throw new HpoError(
      'INVALID_STATE',
      `Trial#${trial.number} has already finished and can not be updated.`,
    );
  }
}
