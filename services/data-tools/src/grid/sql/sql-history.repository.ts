import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlHistoryEntry } from '@hydroml/contracts';

export type NewHistoryEntry = Omit<SqlHistoryEntry, 'id' | 'createdAt'> & { userId: string };

interface HistoryRow {
  id: string;
  sql: string;
  data_source_id: string | null;
  version: number | null;
  session_id: string | null;
  status: 'succeeded' | 'failed';
  error: string | null;
  row_count: number | null;
  duration_ms: number;
  created_at: Date;
}

const KEEP_PER_USER = 500;

/** Each user's console queries, newest first; only the latest few hundred are kept. */
@Injectable()
export class SqlHistoryRepository {
  constructor(private readonly db: DataSource) {}

  async add(entry: NewHistoryEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO sql_history (id, user_id, sql, data_source_id, version, session_id, status, error, row_count, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        ...[randomUUID(), entry.userId, entry.sql.slice(0, 100_000), entry.dataSourceId],
        ...[entry.version, entry.sessionId, entry.status, entry.error, entry.rowCount],
        Math.round(entry.durationMs),
      ],
    );
    await this.db.query(
      `DELETE FROM sql_history WHERE user_id = $1 AND id NOT IN
        (SELECT id FROM sql_history WHERE user_id = $1 ORDER BY created_at DESC LIMIT ${KEEP_PER_USER})`,
      [entry.userId],
    );
  }

  async list(userId: string, limit: number): Promise<SqlHistoryEntry[]> {
    const rows: HistoryRow[] = await this.db.query(
      `SELECT * FROM sql_history WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      sql: r.sql,
      dataSourceId: r.data_source_id,
      version: r.version,
      sessionId: r.session_id,
      status: r.status,
      error: r.error,
      rowCount: r.row_count,
      durationMs: r.duration_ms,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
