import { Body, Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  CreateExperimentDto,
  DeleteExperimentTagDto,
  ExperimentByNameDto,
  ExperimentIdDto,
  ExperimentsContracts as C,
  SearchExperimentsDto,
  SetExperimentTagDto,
  UpdateExperimentDto,
  type CallContext,
  type CreateExperimentResult,
  type Empty,
  type ExperimentResult,
  type SearchExperimentsResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

/** MLflow's experiment endpoints (service.proto), forwarded to the experiments service. */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('experiments'))
export class MlflowExperimentsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('create')
  @HttpCode(200)
  create(
    @Body() dto: CreateExperimentDto,
    @Caller() call: CallContext,
  ): Promise<CreateExperimentResult> {
    return this.nats.request(C.createExperiment, dto, call);
  }

  @Get('get')
  get(@Query() dto: ExperimentIdDto, @Caller() call: CallContext): Promise<ExperimentResult> {
    return this.nats.request(C.getExperiment, dto, call);
  }

  @Get('get-by-name')
  getByName(
    @Query() dto: ExperimentByNameDto,
    @Caller() call: CallContext,
  ): Promise<ExperimentResult> {
    return this.nats.request(C.getExperimentByName, dto, call);
  }

  @Post('search')
  @HttpCode(200)
  search(
    @Body() dto: SearchExperimentsDto,
    @Caller() call: CallContext,
  ): Promise<SearchExperimentsResult> {
    return this.nats.request(C.searchExperiments, dto, call);
  }

  @Get('search')
  searchByQuery(
    @Query() dto: SearchExperimentsDto,
    @Caller() call: CallContext,
  ): Promise<SearchExperimentsResult> {
    return this.nats.request(C.searchExperiments, dto, call);
  }

  @Post('update')
  @HttpCode(200)
  update(@Body() dto: UpdateExperimentDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.updateExperiment, dto, call);
  }

  @Post('delete')
  @HttpCode(200)
  delete(@Body() dto: ExperimentIdDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.deleteExperiment, dto, call);
  }

  @Post('restore')
  @HttpCode(200)
  restore(@Body() dto: ExperimentIdDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.restoreExperiment, dto, call);
  }

  @Post('set-experiment-tag')
  @HttpCode(200)
  setTag(@Body() dto: SetExperimentTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.setExperimentTag, dto, call);
  }

  @Post('delete-experiment-tag')
  @HttpCode(200)
  deleteTag(@Body() dto: DeleteExperimentTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.deleteExperimentTag, dto, call);
  }
}
