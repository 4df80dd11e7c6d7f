import { Body, Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  CreateRunDto,
  DeleteRunTagDto,
  ExperimentsContracts as C,
  LogBatchDto,
  LogInputsDto,
  LogMetricDto,
  LogParamDto,
  RunRefDto,
  SearchRunsDto,
  SetRunTagDto,
  UpdateRunDto,
  type CallContext,
  type Empty,
  type RunResult,
  type SearchRunsResult,
  type UpdateRunResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

/** MLflow's run endpoints (service.proto), forwarded to the experiments service. */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('runs'))
export class MlflowRunsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('create')
  @HttpCode(200)
  create(@Body() dto: CreateRunDto, @Caller() call: CallContext): Promise<RunResult> {
    return this.nats.request(C.createRun, dto, call);
  }

  @Get('get')
  get(@Query() dto: RunRefDto, @Caller() call: CallContext): Promise<RunResult> {
    return this.nats.request(C.getRun, dto, call);
  }

  @Post('update')
  @HttpCode(200)
  update(@Body() dto: UpdateRunDto, @Caller() call: CallContext): Promise<UpdateRunResult> {
    return this.nats.request(C.updateRun, dto, call);
  }

  @Post('delete')
  @HttpCode(200)
  delete(@Body() dto: RunRefDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.deleteRun, dto, call);
  }

  @Post('restore')
  @HttpCode(200)
  restore(@Body() dto: RunRefDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.restoreRun, dto, call);
  }

  @Post('search')
  @HttpCode(200)
  search(@Body() dto: SearchRunsDto, @Caller() call: CallContext): Promise<SearchRunsResult> {
    return this.nats.request(C.searchRuns, dto, call);
  }

  @Post('log-metric')
  @HttpCode(200)
  logMetric(@Body() dto: LogMetricDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.logMetric, dto, call);
  }

  @Post('log-parameter')
  @HttpCode(200)
  logParam(@Body() dto: LogParamDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.logParam, dto, call);
  }

  @Post('log-batch')
  @HttpCode(200)
  logBatch(@Body() dto: LogBatchDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.logBatch, dto, call);
  }

  @Post('log-inputs')
  @HttpCode(200)
  logInputs(@Body() dto: LogInputsDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.logInputs, dto, call);
  }

  @Post('set-tag')
  @HttpCode(200)
  setTag(@Body() dto: SetRunTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.setRunTag, dto, call);
  }

  @Post('delete-tag')
  @HttpCode(200)
  deleteTag(@Body() dto: DeleteRunTagDto, @Caller() call: CallContext): Promise<Empty> {
    return this.nats.request(C.deleteRunTag, dto, call);
  }
}
