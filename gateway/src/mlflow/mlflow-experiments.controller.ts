import { Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ExperimentByNameDto,
  ExperimentIdDto,
  ExperimentsContracts as C,
  SearchExperimentsDto,
  type CallContext,
  type CreateExperimentResult,
  type Empty,
  type ExperimentResult,
  type SearchExperimentsResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { ForwardedBody, forward, type UncheckedBody } from './forwarded-body.js';
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
    @ForwardedBody() body: UncheckedBody,
    @Caller() call: CallContext,
  ): Promise<CreateExperimentResult> {
    return forward(this.nats, C.createExperiment, body, call);
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
    @ForwardedBody() body: UncheckedBody,
    @Caller() call: CallContext,
  ): Promise<SearchExperimentsResult> {
    return forward(this.nats, C.searchExperiments, body, call);
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
  update(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.updateExperiment, body, call);
  }

  @Post('delete')
  @HttpCode(200)
  delete(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.deleteExperiment, body, call);
  }

  @Post('restore')
  @HttpCode(200)
  restore(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.restoreExperiment, body, call);
  }

  @Post('set-experiment-tag')
  @HttpCode(200)
  setTag(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.setExperimentTag, body, call);
  }

  @Post('delete-experiment-tag')
  @HttpCode(200)
  deleteTag(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.deleteExperimentTag, body, call);
  }
}
