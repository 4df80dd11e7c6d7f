import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import {
  ExperimentsContracts as C,
  NativeTrackingContracts as N,
  type CallContext,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import {
  ExperimentPageType,
  MetricType,
  RunSearchType,
  RunType,
  toExperimentType,
  toMetricType,
  toRunType,
} from './experiments.graphql.js';

/** GraphQL mirror of the native tracking views. */
@Resolver(() => RunType)
export class ExperimentsResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => ExperimentPageType)
  async experiments(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('page', { type: () => Int, nullable: true }) page: number | undefined,
    @Args('pageSize', { type: () => Int, nullable: true }) pageSize: number | undefined,
    @Caller() call: CallContext,
  ): Promise<ExperimentPageType> {
    const dto = { project_id: projectId, page, page_size: pageSize };
    const result = await this.nats.request(N.projectExperiments, dto, call);
    return { ...result, items: result.items.map(toExperimentType) };
  }

  @Query(() => RunType)
  async run(
    @Args('runId', { type: () => ID }) runId: string,
    @Caller() call: CallContext,
  ): Promise<RunType> {
    return toRunType((await this.nats.request(C.getRun, { run_id: runId }, call)).run);
  }

  @Query(() => RunSearchType)
  async searchRuns(
    @Args('experimentId', { type: () => ID }) experimentId: string,
    @Args('filter', { type: () => String, nullable: true }) filter: string | undefined,
    @Args('orderBy', { type: () => [String], nullable: true }) orderBy: string[] | undefined,
    @Args('maxResults', { type: () => Int, nullable: true }) maxResults: number | undefined,
    @Args('pageToken', { type: () => String, nullable: true }) pageToken: string | undefined,
    @Caller() call: CallContext,
  ): Promise<RunSearchType> {
    const dto = {
      experiment_ids: [experimentId],
      filter,
      order_by: orderBy,
      max_results: maxResults,
      page_token: pageToken,
      with_total: true,
    };
    const result = await this.nats.request(C.searchRunsNative, dto, call);
    return {
      runs: result.runs.map(toRunType),
      nextPageToken: result.next_page_token ?? null,
      total: result.total ?? null,
    };
  }

  @Query(() => [RunType])
  async compareRuns(
    @Args('runIds', { type: () => [ID] }) runIds: string[],
    @Caller() call: CallContext,
  ): Promise<RunType[]> {
    const result = await this.nats.request(N.compareRuns, { run_ids: runIds }, call);
    return result.runs.map(toRunType);
  }

  @Query(() => [MetricType])
  async metricHistory(
    @Args('runId', { type: () => ID }) runId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('maxResults', { type: () => Int, nullable: true }) maxResults: number | undefined,
    @Caller() call: CallContext,
  ): Promise<MetricType[]> {
    const dto = { run_id: runId, metric_key: key, max_results: maxResults };
    return (await this.nats.request(C.metricHistory, dto, call)).metrics.map(toMetricType);
  }
}
