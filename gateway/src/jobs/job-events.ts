import { Injectable } from '@nestjs/common';
import {
  isTerminalJobStatus,
  jobEventsSubject,
  type CallContext,
  type JobEvent,
  type JobView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import type { Subscription } from '@nats-io/transport-node';
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
  async follow(id: string, call: CallContext): Promise<AsyncIterableIterator<JobEvent>> {
    // Subscribed before the state is read, so no event between the two is lost.
    const sub = this.nats.connection.subscribe(this.nats.subject(jobEventsSubject(id)));
    let job: JobView;
    try {
      job = await this.jobs.get(id, call);
    } catch (error) {
      sub.unsubscribe();
      throw error;
    }
    // Events that arrived before the state did are older than it (or lose only a progress step):
    // only a terminal one among them still counts.
    const events = generate(sub, job, sub.getReceived());
    const iterator: AsyncIterableIterator<JobEvent> = {
      next: () => events.next(),
      // Ending the NATS subscription wakes a generator parked on it, so cleanup is immediate
      // even for a job that sends nothing for a long time.
      return: () => {
        sub.unsubscribe();
        return events.return(undefined);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

async function* generate(
  sub: Subscription,
  job: JobView,
  stale: number,
): AsyncGenerator<JobEvent, undefined> {
  try {
    yield { type: 'state', job, at: new Date().toISOString() };
    if (isTerminalJobStatus(job.status)) return;
    let seen = 0;
    for await (const msg of sub) {
      const event = msg.json<JobEvent>();
      const terminal = isTerminalJobStatus(event.job.status);
      seen += 1;
      if (seen > stale || terminal) yield event;
      if (terminal) return;
    }
  } finally {
    sub.unsubscribe();
  }
}
