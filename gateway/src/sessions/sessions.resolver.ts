import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  DomainError,
  SessionsContracts as S,
  type ApplyRecipeDto,
  type CallContext,
  type SaveSessionDto,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { StudioSessionType, toSessionType } from './sessions.graphql.js';

function paramsOf(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new DomainError('invalid_argument', 'expected a JSON object (paramsJson, recipeJson)');
}

/** GraphQL mirror of the sessions REST routes. */
@Resolver(() => StudioSessionType)
export class SessionsResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => StudioSessionType)
  async session(@Args('id', { type: () => ID }) sessionId: string, @Caller() call: CallContext) {
    return toSessionType(await this.nats.request(S.get, { sessionId }, call));
  }

  @Query(() => String, { description: 'The applied recipe as JSON (replayable)' })
  async sessionRecipe(
    @Args('id', { type: () => ID }) sessionId: string,
    @Caller() call: CallContext,
  ) {
    return JSON.stringify(await this.nats.request(S.exportRecipe, { sessionId }, call));
  }

  @Mutation(() => StudioSessionType)
  async openSession(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', { type: () => Int }) version: number,
    @Caller() call: CallContext,
  ) {
    return toSessionType(await this.nats.request(S.open, { dataSourceId, version }, call));
  }

  @Mutation(() => StudioSessionType)
  async applySessionStep(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('op', { type: () => String }) op: string,
    @Args('paramsJson', { type: () => String, nullable: true }) paramsJson: string | undefined,
    @Caller() call: CallContext,
  ) {
    const dto = { sessionId, op, params: paramsOf(paramsJson) };
    return toSessionType(await this.nats.request(S.applyStep, dto, call));
  }

  @Mutation(() => StudioSessionType)
  async editSessionStep(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('index', { type: () => Int }) index: number,
    @Args('paramsJson', { type: () => String }) paramsJson: string,
    @Caller() call: CallContext,
  ) {
    const dto = { sessionId, index, params: paramsOf(paramsJson) };
    return toSessionType(await this.nats.request(S.editStep, dto, call));
  }

  @Mutation(() => StudioSessionType)
  async moveSessionHead(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('action', { type: () => String, description: 'undo, redo or reset' }) action: string,
    @Caller() call: CallContext,
  ) {
    const contract = { undo: S.undo, redo: S.redo, reset: S.reset }[action];
    if (!contract) throw new DomainError('invalid_argument', 'action must be undo, redo or reset');
    return toSessionType(await this.nats.request(contract, { sessionId }, call));
  }

  @Mutation(() => StudioSessionType)
  async deleteSessionStep(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('index', { type: () => Int }) index: number,
    @Caller() call: CallContext,
  ) {
    return toSessionType(await this.nats.request(S.deleteStep, { sessionId, index }, call));
  }

  @Mutation(() => StudioSessionType, { description: 'Moves the head to `index` applied steps' })
  async jumpSessionHead(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('index', { type: () => Int }) index: number,
    @Caller() call: CallContext,
  ) {
    return toSessionType(await this.nats.request(S.jump, { sessionId, index }, call));
  }

  @Mutation(() => StudioSessionType, { description: 'Applies an exported recipe (JSON)' })
  async applySessionRecipe(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('recipeJson', { type: () => String }) recipeJson: string,
    @Args('mode', {
      type: () => String,
      nullable: true,
      description: 'replace (default): the recipe becomes the steps; append: added after the head',
    })
    mode: string | undefined,
    @Caller() call: CallContext,
  ) {
    const recipe = paramsOf(recipeJson) as { steps?: unknown; inputSchema?: unknown };
    const dto = { sessionId, steps: recipe.steps, inputSchema: recipe.inputSchema, mode };
    return toSessionType(
      await this.nats.request(S.applyRecipe, dto as unknown as ApplyRecipeDto, call),
    );
  }

  @Mutation(() => Boolean)
  async closeSession(
    @Args('id', { type: () => ID }) sessionId: string,
    @Caller() call: CallContext,
  ) {
    await this.nats.request(S.remove, { sessionId }, call);
    return true;
  }

  @Mutation(() => ID, {
    description:
      'Saves the head as a new version (target "version", the default) or as a new data source ' +
      '(target "new", with projectId and name); answers the job id',
  })
  async saveSession(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('target', { type: () => String, nullable: true }) target: string | undefined,
    @Args('projectId', { type: () => ID, nullable: true }) projectId: string | undefined,
    @Args('name', { type: () => String, nullable: true }) name: string | undefined,
    @Args('description', { type: () => String, nullable: true }) description: string | undefined,
    @Caller() call: CallContext,
  ) {
    const dto = { sessionId, target, projectId, name, description } as SaveSessionDto;
    return (await this.nats.request(S.save, dto, call)).id;
  }
}
