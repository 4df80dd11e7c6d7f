import { Args, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import type { CallContext, JobEvent } from '@hydroml/contracts';
import { JobType, toJobType } from '../datasets/datasets.graphql.js';
import { Caller } from '../http/caller.decorator.js';
import { JobEvents } from './job-events.js';

@ObjectType('JobEvent')
export class JobEventType {
  @Field({ description: '"state" (the current state, or a change of it) or "progress"' })
  type!: string;
  @Field(() => JobType) job!: JobType;
  @Field() at!: string;
}

/**
 * `subscription { jobEvents(id) }` over WebSocket (graphql-ws or graphql-transport-ws at
 * /graphql). The token goes in the connection_init payload, `{ "authorization": "Bearer …" }`,
 * and is checked for every subscription like a header on a query.
 */
@Resolver()
export class JobsResolver {
  constructor(private readonly events: JobEvents) {}

  @Subscription(() => JobEventType, {
    description: "A job's current state, then its progress and state changes until it ends",
    resolve: (event: JobEvent): JobEventType => ({ ...event, job: toJobType(event.job) }),
  })
  jobEvents(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<AsyncIterableIterator<JobEvent>> {
    return this.events.follow(id, call);
  }
}
