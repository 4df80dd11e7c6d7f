import type { QueryRunner } from 'typeorm';

/** Creates the `jobs` table in the owning service's schema (call from its migration's up). */
export async function createJobsTable(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TABLE jobs (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    status text NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled')),
    payload jsonb NOT NULL,
    progress double precision NOT NULL DEFAULT 0,
    message text,
    attempts int NOT NULL DEFAULT 0,
    max_attempts int NOT NULL,
    cancel_requested boolean NOT NULL DEFAULT false,
    error jsonb,
    result jsonb,
    resource_type text,
    resource_id uuid,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz)`);
  await q.query(`CREATE INDEX jobs_resource_idx ON jobs (resource_id, created_at)`);
  await q.query(
    `CREATE INDEX jobs_status_idx ON jobs (status) WHERE status IN ('queued','running')`,
  );
}

export async function dropJobsTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE jobs`);
}
