import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  ExperimentsContracts as C,
  NativeTrackingContracts as N,
  RegistryContracts as R,
  type CallContext,
  type ExperimentView,
  type MetricHistoryResult,
  type Page,
  type RegisteredModelView,
  type RunView,
  type SearchRunsResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import {
  CompareQuery,
  CreateExperimentBody,
  HistoryQuery,
  ProjectExperimentsQuery,
  SearchRunsBody,
} from './experiments.bodies.js';

const PROJECT_ID = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('invalid_argument', 'id must be a UUID'),
});

/**
 * Native tracking views for the web UI: experiments of a project, runs with their latest
 * metrics, params and tags, search with OR/parentheses/total/projections, history, comparison.
 */
@ApiTags('experiments')
@Controller()
export class ExperimentsController {
  constructor(private readonly nats: NatsClient) {}

  @Get('projects/:id/experiments')
  list(
    @Param('id', PROJECT_ID) projectId: string,
    @Query() query: ProjectExperimentsQuery,
    @Caller() call: CallContext,
  ): Promise<Page<ExperimentView>> {
    return this.nats.request(N.projectExperiments, { ...query, project_id: projectId }, call);
  }

  @Post('projects/:id/experiments')
  async create(
    @Param('id', PROJECT_ID) projectId: string,
    @Body() body: CreateExperimentBody,
    @Caller() call: CallContext,
  ): Promise<ExperimentView> {
    const dto = { ...body, project_id: projectId };
    const { experiment_id } = await this.nats.request(C.createExperiment, dto, call);
    return (await this.nats.request(C.getExperiment, { experiment_id }, call)).experiment;
  }

  @Get('projects/:id/models')
  models(
    @Param('id', PROJECT_ID) projectId: string,
    @Query() query: ProjectExperimentsQuery,
    @Caller() call: CallContext,
  ): Promise<Page<RegisteredModelView>> {
    return this.nats.request(R.projectModels, { ...query, project_id: projectId }, call);
  }

  @Get('experiments/:experimentId')
  async get(
    @Param('experimentId') experimentId: string,
    @Caller() call: CallContext,
  ): Promise<ExperimentView> {
    const dto = { experiment_id: experimentId };
    return (await this.nats.request(C.getExperiment, dto, call)).experiment;
  }

  @Post('experiments/:experimentId/runs/search')
  @HttpCode(200)
  search(
    @Param('experimentId') experimentId: string,
    @Body() body: SearchRunsBody,
    @Caller() call: CallContext,
  ): Promise<SearchRunsResult> {
    const dto = { ...body, experiment_ids: [experimentId] };
    return this.nats.request(C.searchRunsNative, dto, call);
  }

  @Get('runs/compare')
  compare(@Query() query: CompareQuery, @Caller() call: CallContext): Promise<{ runs: RunView[] }> {
    return this.nats.request(N.compareRuns, { run_ids: query.ids }, call);
  }

  @Get('runs/:runId')
  async run(@Param('runId') runId: string, @Caller() call: CallContext): Promise<RunView> {
    return (await this.nats.request(C.getRun, { run_id: runId }, call)).run;
  }

  @Get('runs/:runId/metrics/:key/history')
  history(
    @Param('runId') runId: string,
    @Param('key') key: string,
    @Query() query: HistoryQuery,
    @Caller() call: CallContext,
  ): Promise<MetricHistoryResult> {
    return this.nats.request(C.metricHistory, { ...query, run_id: runId, metric_key: key }, call);
  }
}
