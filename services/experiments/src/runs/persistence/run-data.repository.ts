import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeyValue, MetricView } from '@hydroml/contracts';
import type { MetricRow } from '../../tracking/domain/limits.js';

export interface ParamConflict {
  key: string;
  old: string;
  new: string;
}

/**
 * One statement for a whole batch: params (refused as a whole if one would change), metric
 * history, latest metrics (greatest step, timestamp, value wins) and tags (last write wins).
 */
const LOG_BATCH_SQL = `
WITH p AS (SELECT DISTINCT key, value FROM unnest($2::text[], $3::text[]) AS t(key, value)),
conflict AS (SELECT p.key, e.value AS old, p.value AS new FROM p
             JOIN params e ON e.run_id = $1 AND e.key = p.key AND e.value <> p.value),
ok AS (SELECT NOT EXISTS (SELECT 1 FROM conflict) AS go),
pins AS (INSERT INTO params (run_id, key, value) SELECT $1, key, value FROM p
         WHERE (SELECT go FROM ok) ON CONFLICT (run_id, key) DO NOTHING),
m AS (SELECT * FROM unnest($4::text[], $5::float8[], $6::bigint[], $7::bigint[]) AS t(key, value, ts, step)),
mins AS (INSERT INTO metrics (run_id, key, value, timestamp, step)
         SELECT $1, key, value, ts, step FROM m WHERE (SELECT go FROM ok)),
lat AS (SELECT DISTINCT ON (key) key, value, ts, step FROM m ORDER BY key, step DESC, ts DESC, value DESC),
lins AS (INSERT INTO latest_metrics AS l (run_id, key, value, timestamp, step)
         SELECT $1, key, value, ts, step FROM lat WHERE (SELECT go FROM ok)
         ON CONFLICT (run_id, key) DO UPDATE
           SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step
           WHERE (excluded.step, excluded.timestamp, excluded.value) > (l.step, l.timestamp, l.value)),
tg AS (SELECT DISTINCT ON (key) key, value FROM unnest($8::text[], $9::text[]) WITH ORDINALITY AS t(key, value, n)
       ORDER BY key, n DESC),
tins AS (INSERT INTO tags (run_id, key, value) SELECT $1, key, value FROM tg WHERE (SELECT go FROM ok)
         ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value),
rn AS (UPDATE runs SET name = tg.value FROM tg
       WHERE runs.id = $1 AND tg.key = 'mlflow.runName' AND (SELECT go FROM ok))
SELECT key, old, new FROM conflict`;

@Injectable()
export class RunDataRepository {
  constructor(private readonly db: DataSource) {}

  /** Writes the batch unless a param would change; returns those params (nothing written). */
  async logBatch(
    runId: string,
    metrics: MetricRow[],
    params: KeyValue[],
    tags: KeyValue[],
  ): Promise<ParamConflict[]> {
    return this.db.query(LOG_BATCH_SQL, [
      runId,
      params.map((p) => p.key),
      params.map((p) => p.value),
      metrics.map((m) => m.key),
      // Text keeps NaN and the infinities intact on their way into float8.
      metrics.map((m) => String(m.value)),
      metrics.map((m) => m.timestamp),
      metrics.map((m) => m.step),
      tags.map((t) => t.key),
      tags.map((t) => t.value),
    ]);
  }

  async deleteTag(runId: string, key: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH d AS (DELETE FROM tags WHERE run_id = $1 AND key = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [runId, key],
    );
    return rows[0].n > 0;
  }

  /** One metric of several runs between two steps (inclusive), by run then step. */
  async historyRange(
    runIds: string[],
    key: string,
    startStep: number | null,
    endStep: number | null,
  ): Promise<Array<MetricView & { run: string }>> {
    const rows: Array<{ m: MetricView & { run: string } }> = await this.db.query(
      `SELECT json_build_object('run', run_id, 'key', key, 'value', value, 'timestamp', timestamp,
         'step', step) AS m
       FROM metrics WHERE run_id = ANY($1::uuid[]) AND key = $2
         AND ($3::bigint IS NULL OR step >= $3) AND ($4::bigint IS NULL OR step <= $4)
       ORDER BY run_id, step, timestamp`,
      [runIds, key, startStep, endStep],
    );
    return rows.map((row) => row.m);
  }

  async history(runId: string, key: string, limit: number, offset: number): Promise<MetricView[]> {
    const rows: Array<{ m: MetricView }> = await this.db.query(
      `SELECT json_build_object('key', key, 'value', value, 'timestamp', timestamp, 'step', step) AS m
       FROM metrics WHERE run_id = $1 AND key = $2
       ORDER BY step, timestamp, id LIMIT $3 OFFSET $4`,
      [runId, key, limit, offset],
    );
    return rows.map((row) => row.m);
  }
}
