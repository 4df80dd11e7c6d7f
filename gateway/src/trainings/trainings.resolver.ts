import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { StudyContracts as S, TrainingContracts as T, type CallContext } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { StudyType, TrainingType, toStudyType, toTrainingType } from './trainings.graphql.js';

/** GraphQL mirror of GET /trainings/:id and GET /studies/:id (progress: the job's SSE stream). */
@Resolver(() => TrainingType)
export class TrainingsResolver {
  constructor(private readonly nats: NatsClient) {}

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
}
