import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AliasDto,
  CreateRegisteredModelDto,
  LatestVersionsDto,
  ModelNameDto,
  ModelTagDto,
  ModelTagKeyDto,
  RegistryContracts as R,
  RenameRegisteredModelDto,
  SearchRegistryDto,
  SetAliasDto,
  UpdateRegisteredModelDto,
  type CallContext,
  type Empty,
  type ModelVersionResult,
  type ModelVersionsResult,
  type RegisteredModelResult,
  type SearchRegisteredModelsResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

/** MLflow's registered-model endpoints (model_registry.proto). */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('registered-models'))
export class MlflowRegisteredModelsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('create')
  @HttpCode(200)
  create(
    @Body() dto: CreateRegisteredModelDto,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelResult> {
    return this.nats.request(R.createModel, dto, call);
  }

  @Post('rename')
  @HttpCode(200)
  rename(
    @Body() dto: RenameRegisteredModelDto,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelResult> {
    return this.nats.request(R.renameModel, dto, call);
  }

  @Patch('update')
  update(
    @Body() dto: UpdateRegisteredModelDto,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelResult> {
    return this.nats.request(R.updateModel, dto, call);
  }

  @Delete('delete')
  delete(@Body() dto: ModelNameDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.deleteModel, dto, call);
  }

  @Get('get')
  get(@Query() dto: ModelNameDto, @Caller() call: CallContext): Promise<RegisteredModelResult> {
    return this.nats.request(R.getModel, dto, call);
  }

  @Get('search')
  search(
    @Query() dto: SearchRegistryDto,
    @Caller() call: CallContext,
  ): Promise<SearchRegisteredModelsResult> {
    return this.nats.request(R.searchModels, dto, call);
  }

  @Post('get-latest-versions')
  @HttpCode(200)
  latest(
    @Body() dto: LatestVersionsDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionsResult> {
    return this.nats.request(R.latestVersions, dto, call);
  }

  @Get('get-latest-versions')
  latestByQuery(
    @Query() dto: LatestVersionsDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionsResult> {
    return this.nats.request(R.latestVersions, dto, call);
  }

  @Post('set-tag')
  @HttpCode(200)
  setTag(@Body() dto: ModelTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.setModelTag, dto, call);
  }

  @Delete('delete-tag')
  deleteTag(@Body() dto: ModelTagKeyDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.deleteModelTag, dto, call);
  }

  @Post('alias')
  @HttpCode(200)
  setAlias(@Body() dto: SetAliasDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.setAlias, dto, call);
  }

  @Delete('alias')
  deleteAlias(@Body() dto: AliasDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.deleteAlias, dto, call);
  }

  @Get('alias')
  byAlias(@Query() dto: AliasDto, @Caller() call: CallContext): Promise<ModelVersionResult> {
    return this.nats.request(R.getByAlias, dto, call);
  }
}
