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
  CreateModelVersionDto,
  ModelVersionRefDto,
  ModelVersionTagDto,
  ModelVersionTagKeyDto,
  RegistryContracts as R,
  SearchRegistryDto,
  TransitionStageDto,
  UpdateModelVersionDto,
  type CallContext,
  type DownloadUriResult,
  type Empty,
  type ModelVersionResult,
  type ModelVersionsResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

/** MLflow's model-version endpoints (model_registry.proto). */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('model-versions'))
export class MlflowModelVersionsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('create')
  @HttpCode(200)
  create(
    @Body() dto: CreateModelVersionDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionResult> {
    return this.nats.request(R.createVersion, dto, call);
  }

  @Patch('update')
  update(
    @Body() dto: UpdateModelVersionDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionResult> {
    return this.nats.request(R.updateVersion, dto, call);
  }

  @Delete('delete')
  delete(@Body() dto: ModelVersionRefDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.deleteVersion, dto, call);
  }

  @Get('get')
  get(@Query() dto: ModelVersionRefDto, @Caller() call: CallContext): Promise<ModelVersionResult> {
    return this.nats.request(R.getVersion, dto, call);
  }

  @Get('search')
  search(
    @Query() dto: SearchRegistryDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionsResult> {
    return this.nats.request(R.searchVersions, dto, call);
  }

  @Post('transition-stage')
  @HttpCode(200)
  transition(
    @Body() dto: TransitionStageDto,
    @Caller() call: CallContext,
  ): Promise<ModelVersionResult> {
    return this.nats.request(R.transitionStage, dto, call);
  }

  @Get('get-download-uri')
  downloadUri(
    @Query() dto: ModelVersionRefDto,
    @Caller() call: CallContext,
  ): Promise<DownloadUriResult> {
    return this.nats.request(R.downloadUri, dto, call);
  }

  @Post('set-tag')
  @HttpCode(200)
  setTag(@Body() dto: ModelVersionTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.setVersionTag, dto, call);
  }

  @Delete('delete-tag')
  deleteTag(@Body() dto: ModelVersionTagKeyDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(R.deleteVersionTag, dto, call);
  }
}
