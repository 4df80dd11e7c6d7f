import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ExperimentsContracts as C,
  MetricHistoryBulkDto,
  MetricHistoryDto,
  type MetricHistoryBulkResult,
  type CallContext,
  type MetricHistoryResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('metrics'))
export class MlflowMetricsController {
  constructor(private readonly nats: NatsClient) {}

  @Get('get-history-bulk-interval')
  historyBulk(
    @Query() dto: MetricHistoryBulkDto,
    @Caller() call: CallContext,
  ): Promise<MetricHistoryBulkResult> {
    return this.nats.request(C.metricHistoryBulk, dto, call);
  }

  @Get('get-history')
  history(
    @Query() dto: MetricHistoryDto,
    @Caller() call: CallContext,
  ): Promise<MetricHistoryResult> {
    return this.nats.request(C.metricHistory, dto, call);
  }
}
