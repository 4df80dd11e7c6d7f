import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per trial job of a study, so the budget and the study's end are counted once per job. */
export class StudySlots1764300000310 implements MigrationInterface {
  name = 'StudySlots1764300000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE study_slots (
      job_id uuid PRIMARY KEY,
      study_id uuid NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
      done boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX study_slots_study_idx ON study_slots (study_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE study_slots`);
  }
}
