import {
  Args,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import {
  GalleryContracts as G,
  RunDraftRequestDto,
  type CallContext,
  type DraftView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { TrainingType, toTrainingType } from './trainings.graphql.js';

@ObjectType('Draft')
export class DraftType {
  @Field(() => ID) id!: string;
  @Field(() => ID) galleryId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) modelType!: string;
  /** The forked training spec as JSON text. */
  @Field(() => String) draft!: string;
  @Field(() => String) createdAt!: string;
}

/** The caller's own data for a draft's run (the published data is not shared). */
@InputType()
export class RunDraftInput extends RunDraftRequestDto {
  @Field(() => ID, { nullable: true }) override dataSourceId?: string;
  @Field(() => Int, { nullable: true }) override version?: number;
  @Field(() => String, { nullable: true }) override target?: string;
  @Field(() => [String], { nullable: true }) override features?: string[];
  @Field(() => String, { nullable: true }) override experimentName?: string;
  @Field(() => String, { nullable: true }) override runName?: string;
}

function toDraftType(view: DraftView): DraftType {
  return { ...view, draft: JSON.stringify(view.draft) };
}

/** GraphQL mirror of /projects/:id/drafts and /drafts/:id (read, run, delete). */
@Resolver(() => DraftType)
export class DraftsResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => [DraftType], { description: "A project's drafts forked from the gallery" })
  async drafts(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Caller() call: CallContext,
  ): Promise<DraftType[]> {
    return (await this.nats.request(G.listDrafts, { projectId }, call)).map(toDraftType);
  }

  @Query(() => DraftType)
  async draft(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<DraftType> {
    return toDraftType(await this.nats.request(G.getDraft, { id }, call));
  }

  @Mutation(() => TrainingType, { description: "Trains the draft's spec (optionally on own data)" })
  async runDraft(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => RunDraftInput, nullable: true }) input: RunDraftInput | null,
    @Caller() call: CallContext,
  ): Promise<TrainingType> {
    const accepted = await this.nats.request(G.runDraft, { ...(input ?? {}), id }, call);
    return toTrainingType(accepted.training);
  }

  @Mutation(() => Boolean)
  async deleteDraft(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(G.deleteDraft, { id }, call);
    return true;
  }
}
