import { randomUUID } from 'node:crypto';
import type { DataSource, QueryDeepPartialEntity, Repository } from 'typeorm';
import {
  jobEventsSubject,
  type ContractError,
  type JobEvent,
  type JobResource,
  type JobStatus,
  type JobView,
} from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { JobEntity } from './job.entity.js';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  maxAttempts: number;
  resource?: JobResource;
  createdBy?: string;
  /** Fixed id (callers that must know it before the job exists); random otherwise. */
  id?: string;
}

export type JobListener = (job: JobView, type: JobEvent['type']) => Promise<void> | void;

const OPEN: JobStatus[] = ['queued', 'running'];

/**
 * The job rows of one service and their live events. Every transition is a conditional UPDATE, so
 * a terminal job never changes again however often its message is redelivered.
 */
export class JobStore {
  private readonly repo: Repository<JobEntity>;
  private readonly listeners: JobListener[] = [];

  constructor(
    dataSource: DataSource,
    private readonly nats: NatsClient,
    /** Where a failing listener is reported (the transition itself is already committed). */
    private readonly onListenerError: (error: unknown, job: JobView) => void,
  ) {
    this.repo = dataSource.getRepository(JobEntity);
  }

  onChange(listener: JobListener): void {
    this.listeners.push(listener);
  }

  async insert(input: NewJob): Promise<JobView> {
    const now = new Date();
    const entity = this.repo.create({
      ...{ id: input.id ?? randomUUID(), kind: input.kind, status: 'queued' as const },
      ...{ payload: input.payload, progress: 0, message: null, attempts: 0 },
      ...{ maxAttempts: input.maxAttempts, cancelRequested: false, error: null, result: null },
      resourceType: input.resource?.type ?? null,
      resourceId: input.resource?.id ?? null,
      createdBy: input.createdBy ?? null,
      ...{ createdAt: now, updatedAt: now, startedAt: null, finishedAt: null },
    });
    await this.repo.insert(columns(entity));
    return this.changed(entity, 'state');
  }

  async find(id: string): Promise<JobEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async markRunning(id: string, attempt: number): Promise<JobEntity | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'running', attempts: attempt, updatedAt: () => 'now()' })
      .where('id = :id AND status IN (:...open) AND NOT cancel_requested', { id, open: OPEN })
      .execute();
    if (!result.affected) return null;
    await this.repo.query(
      `UPDATE jobs SET started_at = coalesce(started_at, now()) WHERE id = $1`,
      [id],
    );
    return this.reload(id, 'state');
  }

  async setProgress(id: string, progress: number, message?: string): Promise<void> {
    const clamped = Math.max(0, Math.min(1, progress));
    const result = await this.repo.update(
      { id, status: 'running' },
      { progress: clamped, message: message ?? null, updatedAt: new Date() },
    );
    if (result.affected) await this.reload(id, 'progress');
  }

  /** Moves an open job to a terminal state; null when it was already terminal. */
  async finish(
    id: string,
    status: 'succeeded' | 'failed' | 'cancelled',
    outcome: { result?: Record<string, unknown>; error?: ContractError } = {},
  ): Promise<JobEntity | null> {
    const now = new Date();
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set(
        columns({
          ...{ status, updatedAt: now, finishedAt: now },
          ...(status === 'succeeded' ? { progress: 1, result: outcome.result ?? {} } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        }),
      )
      .where('id = :id AND status IN (:...open)', { id, open: OPEN })
      .execute();
    return result.affected ? this.reload(id, 'state') : null;
  }

  /** A failed attempt that will be retried: back to queued with the last error kept. */
  async requeue(id: string, error: ContractError): Promise<void> {
    const result = await this.repo.update(
      { id, status: 'running' },
      columns({ status: 'queued', error, updatedAt: new Date() }),
    );
    if (result.affected) await this.reload(id, 'state');
  }

  /** Flags the job; a queued job is cancelled at once, a running one when its worker notices. */
  async requestCancel(id: string): Promise<JobEntity | null> {
    await this.repo.update(
      { id, status: 'queued' },
      { status: 'cancelled', finishedAt: new Date() },
    );
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ cancelRequested: true, updatedAt: () => 'now()' })
      .where('id = :id AND (status IN (:...open) OR (status = :c AND NOT cancel_requested))', {
        ...{ id, open: OPEN, c: 'cancelled' },
      })
      .execute();
    return result.affected ? this.reload(id, 'state') : this.find(id);
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const row = await this.repo.findOne({
      where: { id },
      select: { id: true, cancelRequested: true },
    });
    return row?.cancelRequested ?? false;
  }

  private async reload(id: string, type: JobEvent['type']): Promise<JobEntity | null> {
    const entity = await this.find(id);
    if (entity) await this.changed(entity, type);
    return entity;
  }

  private async changed(entity: JobEntity, type: JobEvent['type']): Promise<JobView> {
    const job = toJobView(entity);
    const event: JobEvent = { type, job, at: new Date().toISOString() };
    this.nats.connection.publish(
      this.nats.subject(jobEventsSubject(job.id)),
      JSON.stringify(event),
    );
    for (const listener of this.listeners) {
      await Promise.resolve()
        .then(() => listener(job, type))
        .catch((error: unknown) => this.onListenerError(error, job));
    }
    return job;
  }
}

/** TypeORM's deep-partial type rejects `unknown` inside jsonb columns; the values are JSON. */
function columns(values: Partial<JobEntity>): QueryDeepPartialEntity<JobEntity> {
  return values as QueryDeepPartialEntity<JobEntity>;
}

export function toJobView(entity: JobEntity): JobView {
  return {
    ...{ id: entity.id, kind: entity.kind, status: entity.status, progress: entity.progress },
    ...{ message: entity.message, attempts: entity.attempts, maxAttempts: entity.maxAttempts },
    ...{ cancelRequested: entity.cancelRequested, error: entity.error, result: entity.result },
    resource:
      entity.resourceType && entity.resourceId
        ? { type: entity.resourceType, id: entity.resourceId }
        : null,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    startedAt: entity.startedAt?.toISOString() ?? null,
    finishedAt: entity.finishedAt?.toISOString() ?? null,
  };
}
