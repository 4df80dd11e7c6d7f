import {
  Args,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { StudyContracts as S, TrainingContracts as T, type CallContext } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { StudyEvents, type StudyEvent } from './study-events.js';
import { StudyType, TrainingType, toStudyType, toTrainingType } from './trainings.graphql.js';

@ObjectType('StudyEvent')
export class StudyEventType {
  @Field({ description: '"state" (now, or closed) or "trial" (after a trial ended)' })
  type!: string;
  @Field(() => StudyType) study!: StudyType;
  @Field() at!: string;
}

/**
 * GraphQL mirror of GET /trainings/:id and GET /studies/:id, and a study's progress as a
 * subscription (a training's is `jobEvents` of its job).
 */
@Resolver(() => TrainingType)
export class TrainingsResolver {
  constructor(
    private readonly nats: NatsClient,
    private readonly studies: StudyEvents,
  ) {}

  @Query(() => TrainingType)
  async training(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<TrainingType> {
    return toTrainingType(await this.nats.request(T.get, { id }, call));
  }

  @Query(() => StudyType)
  async study(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<StudyType> {
    return toStudyType(await this.nats.request(S.get, { id }, call));
  }

  @Mutation(() => StudyType, { description: 'Stops a running study (completed trials stay)' })
  async cancelStudy(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<StudyType> {
    return toStudyType(await this.nats.request(S.cancel, { id }, call));
  }

  @Mutation(() => StudyType, {
    description: "Registers an ended study's best trial's model under name (and alias)",
  })
  async registerStudyBest(
    @Args('id', { type: () => ID }) id: string,
    @Args('name') name: string,
    @Args('alias', { type: () => String, nullable: true }) alias: string | null,
    @Caller() call: CallContext,
  ): Promise<StudyType> {
    const dto = { id, name, ...(alias ? { alias } : {}) };
    return toStudyType(await this.nats.request(S.register, dto, call));
  }

  @Subscription(() => StudyEventType, {
    description: 'A study now, after each trial that ends, and when it closes',
    resolve: (event: StudyEvent): StudyEventType => ({ ...event, study: toStudyType(event.study) }),
  })
  studyEvents(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<AsyncIterableIterator<StudyEvent>> {
    return this.studies.follow(id, call);
  }
}
