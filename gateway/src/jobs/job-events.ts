import { Injectable } from '@nestjs/common';
import {
  isTerminalJobStatus,
  jobEventsSubject,
  type CallContext,
  type JobEvent,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { followLive } from '../http/live-stream.js';
import { JobsClient } from './jobs.client.js';

/**
 * A job's live events for SSE and GraphQL subscriptions: its current state first, then every
 * progress and state event, ending after a terminal state.
 */
@Injectable()
export class JobEvents {
  constructor(
    private readonly jobs: JobsClient,
    private readonly nats: NatsClient,
  ) {}

  /** Checks access first: another tenant's job rejects (not_found) before any stream exists. */
  follow(id: string, call: CallContext): Promise<AsyncIterableIterator<JobEvent>> {
    const isFinal = (event: JobEvent) => isTerminalJobStatus(event.job.status);
    return followLive<JobEvent>(this.nats, {
      subject: jobEventsSubject(id),
      current: async () => ({
        type: 'state',
        job: await this.jobs.get(id, call),
        at: new Date().toISOString(),
      }),
      // An event older than the state would move progress back: only a terminal one still counts.
      next: (msg, stale) => {
        const event = msg.json<JobEvent>();
        return Promise.resolve(stale && !isFinal(event) ? null : event);
      },
      isFinal,
    });
  }
}
