import { jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/transport-node';
import { DomainError, isTerminalJobStatus, type JobView } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { ensureJobsConsumer, jobsTopology } from './jetstream-jobs.js';
import { isPermanentFailure, JobCancelledError, retryDelayMs, toJobError } from './job-errors.js';
import type { JobMessage } from './job-queue.js';
import { toJobView, type JobStore } from './job-store.js';
import type { JobEntity } from './job.entity.js';

export interface JobContext {
  job: JobView;
  payload: Record<string, unknown>;
  attempt: number;
  /** Aborted when cancellation is requested or the worker stops. */
  signal: AbortSignal;
  progress(fraction: number, message?: string): Promise<void>;
  /** Call between chunks of work. */
  throwIfCancelled(): void;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

export interface JobWorkerOptions {
  service: string;
  /** How long JetStream waits for an ack or a heartbeat before redelivering. */
  ackWaitMs: number;
  /** How often a busy worker calls working() and checks for cancellation. */
  heartbeatMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Errors of the worker itself (database or NATS down while settling a job). */
  onError: (error: unknown) => void;
}

/**
 * Pulls this service's jobs from its durable consumer, one at a time per process, and runs the
 * handler registered for the job's kind. Acks only after the row is terminal, so a redelivered
 * message of a finished job is simply acked again.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private current: { jobId: string; controller: AbortController; msg: JsMsg } | undefined;
  private cancels: Subscription | undefined;

  constructor(
    private readonly nats: NatsClient,
    private readonly store: JobStore,
    private readonly options: JobWorkerOptions,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async start(): Promise<void> {
    const durable = await ensureJobsConsumer(this.nats, {
      service: this.options.service,
      ackWaitMs: this.options.ackWaitMs,
      maxDeliver: this.options.maxAttempts + 1,
    });
    const consumer = await jetstream(this.nats.connection).consumers.get(
      jobsTopology(this.nats).stream,
      durable,
    );
    this.cancels?.unsubscribe();
    this.cancels = this.listenForCancels();
    this.messages = await consumer.consume({ max_messages: 1 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const msg of messages) {
        await this.handle(msg).catch((error: unknown) => this.options.onError(error));
      }
    })().catch((error: unknown) => this.options.onError(error));
  }

  /** Aborts the running job as soon as a queue says it was cancelled (the heartbeat is the backstop). */
  private listenForCancels(): Subscription {
    const subject = jobsTopology(this.nats).cancels(this.options.service);
    return this.nats.connection.subscribe(subject, {
      callback: (error, msg) => {
        try {
          if (error) throw error;
          const { jobId } = msg.json<JobMessage>();
          if (this.current?.jobId === jobId) this.current.controller.abort(new JobCancelledError());
        } catch (failure) {
          this.options.onError(failure);
        }
      },
    });
  }

  /** Stops pulling; an in-flight job is aborted and its message returned for another worker. */
  async stop(): Promise<void> {
    this.cancels?.unsubscribe();
    this.cancels = undefined;
    if (!this.messages) return;
    const messages = this.messages;
    this.messages = undefined;
    this.current?.controller.abort(new Error('worker stopping'));
    await messages.close().catch((error: unknown) => this.options.onError(error));
    await this.loop;
  }

  private async handle(msg: JsMsg): Promise<void> {
    const { jobId } = msg.json<JobMessage>();
    const attempt = msg.info.deliveryCount;
    const entity = await this.store.find(jobId);
    if (!entity || isTerminalJobStatus(entity.status)) return msg.ack();
    if (entity.cancelRequested) {
      await this.store.finish(jobId, 'cancelled');
      return msg.ack();
    }
    if (attempt > entity.maxAttempts) {
      const error = new DomainError('internal', `gave up after ${entity.maxAttempts} attempts`);
      await this.store.finish(jobId, 'failed', { error: error.toContract() });
      return msg.term();
    }
    const handler = this.handlers.get(entity.kind);
    if (!handler) {
      const error = new DomainError('internal', `no worker handles jobs of kind ${entity.kind}`);
      await this.store.finish(jobId, 'failed', { error: error.toContract() });
      return msg.term();
    }
    const running = await this.store.markRunning(jobId, attempt);
    if (!running) return msg.ack();
    await this.run(msg, running, handler, attempt);
  }

  private async run(msg: JsMsg, entity: JobEntity, handler: JobHandler, attempt: number) {
    const controller = new AbortController();
    this.current = { jobId: entity.id, controller, msg };
    const heartbeat = setInterval(() => {
      msg.working();
      void this.store
        .isCancelRequested(entity.id)
        .then((cancelled) => cancelled && controller.abort(new JobCancelledError()));
    }, this.options.heartbeatMs);
    try {
      // a cancel told while the job was being marked running found no current job: ask once
      if (await this.store.isCancelRequested(entity.id)) {
        controller.abort(new JobCancelledError());
        throw controller.signal.reason;
      }
      const result = await handler(this.context(entity, attempt, controller.signal));
      await this.store.finish(entity.id, 'succeeded', { result });
      msg.ack();
    } catch (error) {
      await this.settleFailure(msg, entity, attempt, controller.signal, error);
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }

  private async settleFailure(
    msg: JsMsg,
    entity: JobEntity,
    attempt: number,
    signal: AbortSignal,
    error: unknown,
  ): Promise<void> {
    if (signal.aborted && signal.reason instanceof JobCancelledError) {
      await this.store.finish(entity.id, 'cancelled');
      return msg.ack();
    }
    if (signal.aborted) {
      // The worker is stopping: hand the job back at once, without spending an attempt's backoff.
      await this.store.requeue(entity.id, toJobError(error));
      return msg.nak();
    }
    if (isPermanentFailure(error) || attempt >= entity.maxAttempts) {
      await this.store.finish(entity.id, 'failed', { error: toJobError(error) });
      return msg.term();
    }
    await this.store.requeue(entity.id, toJobError(error));
    msg.nak(retryDelayMs(attempt, this.options.retryBaseMs, this.options.retryMaxMs));
  }

  private context(entity: JobEntity, attempt: number, signal: AbortSignal): JobContext {
    return {
      job: toJobView(entity),
      payload: entity.payload,
      attempt,
      signal,
      progress: (fraction, message) => this.store.setProgress(entity.id, fraction, message),
      throwIfCancelled: () => {
        if (signal.aborted)
          throw signal.reason instanceof Error ? signal.reason : new JobCancelledError();
      },
    };
  }
}
