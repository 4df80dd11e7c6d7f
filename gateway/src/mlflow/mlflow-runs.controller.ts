import { Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ExperimentsContracts as C,
  RunRefDto,
  type CallContext,
  type Empty,
  type RunResult,
  type SearchRunsResult,
  type UpdateRunResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { ForwardedBody, forward, type UncheckedBody } from './forwarded-body.js';
import { mlflowPaths } from './mlflow-paths.js';

/** MLflow's run endpoints (service.proto), forwarded to the experiments service. */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('runs'))
export class MlflowRunsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('create')
  @HttpCode(200)
  create(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<RunResult> {
    return forward(this.nats, C.createRun, body, call);
  }

  @Get('get')
  get(@Query() dto: RunRefDto, @Caller() call: CallContext): Promise<RunResult> {
    return this.nats.request(C.getRun, dto, call);
  }

  @Post('update')
  @HttpCode(200)
  update(
    @ForwardedBody() body: UncheckedBody,
    @Caller() call: CallContext,
  ): Promise<UpdateRunResult> {
    return forward(this.nats, C.updateRun, body, call);
  }

  @Post('delete')
  @HttpCode(200)
  delete(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.deleteRun, body, call);
  }

  @Post('restore')
  @HttpCode(200)
  restore(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.restoreRun, body, call);
  }

  @Post('search')
  @HttpCode(200)
  search(
    @ForwardedBody() body: UncheckedBody,
    @Caller() call: CallContext,
  ): Promise<SearchRunsResult> {
    return forward(this.nats, C.searchRuns, body, call);
  }

  @Post('log-metric')
  @HttpCode(200)
  logMetric(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.logMetric, body, call);
  }

  @Post('log-parameter')
  @HttpCode(200)
  logParam(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.logParam, body, call);
  }

  @Post('log-batch')
  @HttpCode(200)
  logBatch(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.logBatch, body, call);
  }

  @Post('log-inputs')
  @HttpCode(200)
  logInputs(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.logInputs, body, call);
  }

  @Post('set-tag')
  @HttpCode(200)
  setTag(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.setRunTag, body, call);
  }

  @Post('delete-tag')
  @HttpCode(200)
  deleteTag(@ForwardedBody() body: UncheckedBody, @Caller() call: CallContext): Promise<Empty> {
    return forward(this.nats, C.deleteRunTag, body, call);
  }
}
