import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { DomainError, type JobResource, type JobView } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { ensureJobsStream, jobsTopology } from './jetstream-jobs.js';
import { toJobView, type JobStore } from './job-store.js';

export interface EnqueueOptions {
  resource?: JobResource;
  createdBy?: string;
  maxAttempts?: number;
  id?: string;
}

/** The message on `jobs.<service>.<kind>`: only the id; the row holds the payload. */
export interface JobMessage {
  jobId: string;
}

/** Creates jobs (row first, then the JetStream message) and cancels them. */
export class JobQueue {
  private readonly js: JetStreamClient;
  private streamReady: Promise<unknown> | undefined;

  constructor(
    private readonly service: string,
    private readonly store: JobStore,
    private readonly nats: NatsClient,
    private readonly defaultMaxAttempts = 3,
  ) {
    this.js = jetstream(nats.connection);
  }

  async enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<JobView> {
    this.streamReady ??= ensureJobsStream(this.nats);
    await this.streamReady;
    const job = await this.store.insert({
      ...{ kind, payload, maxAttempts: options.maxAttempts ?? this.defaultMaxAttempts },
      ...{ resource: options.resource, createdBy: options.createdBy, id: options.id },
    });
    const message: JobMessage = { jobId: job.id };
    try {
      await this.js.publish(
        jobsTopology(this.nats).subject(this.service, kind),
        JSON.stringify(message),
        {
          msgID: job.id,
        },
      );
    } catch (error) {
      const reason = new DomainError('unavailable', 'the job queue is not available', {
        reason: error instanceof Error ? error.message : String(error),
      });
      await this.store.finish(job.id, 'failed', { error: reason.toContract() });
      throw reason;
    }
    return job;
  }

  async get(id: string): Promise<JobView> {
    const entity = await this.store.find(id);
    if (!entity) throw new DomainError('not_found', 'job not found');
    return toJobView(entity);
  }

  /**
   * Flags the job; a queued one ends at once. The worker running it is told straight away over
   * NATS, and otherwise notices the flag at its next heartbeat.
   */
  async cancel(id: string): Promise<JobView> {
    const entity = await this.store.requestCancel(id);
    if (!entity) throw new DomainError('not_found', 'job not found');
    if (entity.status === 'running' && entity.cancelRequested) {
      const message: JobMessage = { jobId: id };
      try {
        this.nats.connection.publish(
          jobsTopology(this.nats).cancels(this.service),
          JSON.stringify(message),
        );
      } catch {
        // NATS is down: the worker's heartbeat still finds the flag.
      }
    }
    return toJobView(entity);
  }
}
