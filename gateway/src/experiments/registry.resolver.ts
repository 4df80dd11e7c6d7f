import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { RegistryContracts as R, type CallContext } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { ArtifactFilesService } from '../mlflow/artifact-files.service.js';
import {
  ArtifactFileType,
  RegisteredModelPageType,
  RegisteredModelType,
  toArtifactFileType,
  toRegisteredModelType,
} from './registry.graphql.js';

/** GraphQL for the model registry and run artifacts (the native views the web UI reads). */
@Resolver(() => RegisteredModelType)
export class RegistryResolver {
  constructor(
    private readonly nats: NatsClient,
    private readonly files: ArtifactFilesService,
  ) {}

  @Query(() => RegisteredModelPageType)
  async models(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('page', { type: () => Int, nullable: true }) page: number | undefined,
    @Args('pageSize', { type: () => Int, nullable: true }) pageSize: number | undefined,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelPageType> {
    const dto = { project_id: projectId, page, page_size: pageSize };
    const result = await this.nats.request(R.projectModels, dto, call);
    return { ...result, items: result.items.map(toRegisteredModelType) };
  }

  @Query(() => RegisteredModelType)
  async model(
    @Args('name', { type: () => String }) name: string,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelType> {
    const result = await this.nats.request(R.getModel, { name }, call);
    return toRegisteredModelType(result.registered_model);
  }

  @Query(() => [ArtifactFileType])
  async runArtifacts(
    @Args('runId', { type: () => ID }) runId: string,
    @Args('path', { type: () => String, nullable: true }) path: string | undefined,
    @Caller() call: CallContext,
  ): Promise<ArtifactFileType[]> {
    const grant = await this.files.authorize(call, { run_id: runId, path: path ?? '' }, 'read');
    return (await this.files.list(grant, true)).map(toArtifactFileType);
  }
}
