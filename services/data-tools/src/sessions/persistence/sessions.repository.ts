import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@hydroml/contracts';
import { SessionsEnv } from '../sessions-env.js';
import { SessionEntity } from './session.entity.js';

/**
 * Sessions in PostgreSQL, so any replica serves any session and they survive restarts. Changes run
 * under the row's lock (SELECT … FOR UPDATE): two clients editing one session are serialised and no
 * step is lost. A session idle for longer than the TTL is gone (not_found), and swept.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    private readonly db: DataSource,
    private readonly env: SessionsEnv,
  ) {}

  async insert(entity: SessionEntity): Promise<SessionEntity> {
    await this.db.getRepository(SessionEntity).save(entity);
    return entity;
  }

  /** The live session, or not_found (also for expired ones). */
  async get(id: string): Promise<SessionEntity> {
    const entity = await this.live(this.db.manager, id, false);
    if (!entity) throw new DomainError('not_found', 'session not found');
    return entity;
  }

  listBySource(dataSourceId: string): Promise<SessionEntity[]> {
    return this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.data_source_id = :dataSourceId', { dataSourceId })
      .andWhere(`s.last_used_at > now() - make_interval(secs => :ttl)`, { ttl: this.ttl })
      .orderBy('s.updated_at', 'DESC')
      .limit(200)
      .getMany();
  }

  /**
   * Runs `change` on the locked row and saves what it returns with the revision bumped. A throw
   * rolls back: the session stays as it was.
   */
  async update(
    id: string,
    change: (current: SessionEntity) => Promise<SessionEntity>,
  ): Promise<SessionEntity> {
    return this.db.transaction(async (tx) => {
      const current = await this.live(tx, id, true);
      if (!current) throw new DomainError('not_found', 'session not found');
      const next = await change({ ...current, steps: [...current.steps] });
      const now = new Date();
      const saved = { ...next, revision: current.revision + 1, updatedAt: now, lastUsedAt: now };
      await tx.getRepository(SessionEntity).save(saved);
      return saved;
    });
  }

  /** Marks the session used (reads keep it alive too). */
  async touch(id: string): Promise<void> {
    await this.db.query(`UPDATE studio_sessions SET last_used_at = now() WHERE id = $1`, [id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ id });
  }

  /** Deletes sessions idle past the TTL; returns how many. */
  async sweep(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH gone AS (DELETE FROM studio_sessions
         WHERE last_used_at <= now() - make_interval(secs => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [this.ttl],
    );
    return rows[0]?.n ?? 0;
  }

  expiresAt(entity: SessionEntity): Date {
    return new Date(entity.lastUsedAt.getTime() + this.ttl * 1000);
  }

  private get ttl(): number {
    return this.env.SESSION_IDLE_TTL_SECONDS;
  }

  private async live(
    manager: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<SessionEntity | null> {
    const query = manager
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .andWhere(`s.last_used_at > now() - make_interval(secs => :ttl)`, { ttl: this.ttl });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }
}
