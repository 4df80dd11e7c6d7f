import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  DatasetLifecycleContracts as L,
  DataToolsContracts as D,
  DomainError,
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { DataSourceType } from '../graphql/graphql.types.js';
import { Caller } from '../http/caller.decorator.js';
import { JobsClient } from '../jobs/jobs.client.js';
import {
  DatasetLineageType,
  DatasetPreviewType,
  DatasetVersionType,
  JobType,
  toJobType,
  toVersionType,
} from './datasets.graphql.js';

const NUM = { type: () => Int };
const OPT_INT = { type: () => Int, nullable: true };

/** GraphQL mirror of data sources, versions, lineage and jobs (REST: /data-sources, /jobs). */
@Resolver(() => DataSourceType)
export class DatasetsResolver {
  constructor(
    private readonly nats: NatsClient,
    private readonly jobs: JobsClient,
  ) {}

  @Query(() => DataSourceType)
  dataSource(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.getDataSource, { id }, call);
  }

  @ResolveField(() => [DatasetVersionType])
  async versions(
    @Parent() dataSource: DataSourceView,
    @Caller() call: CallContext,
  ): Promise<DatasetVersionType[]> {
    const list = await this.nats.request(D.listVersions, { dataSourceId: dataSource.id }, call);
    return list.map(toVersionType);
  }

  @ResolveField(() => DatasetLineageType)
  lineage(@Parent() dataSource: DataSourceView, @Caller() call: CallContext) {
    return this.nats.request(L.lineage, { dataSourceId: dataSource.id }, call);
  }

  @Query(() => DatasetVersionType)
  async datasetVersion(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', NUM) version: number,
    @Caller() call: CallContext,
  ): Promise<DatasetVersionType> {
    return toVersionType(await this.nats.request(D.getVersion, { dataSourceId, version }, call));
  }

  @Query(() => DatasetPreviewType)
  async datasetPreview(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', NUM) version: number,
    @Args('limit', OPT_INT) limit: number | undefined,
    @Args('offset', OPT_INT) offset: number | undefined,
    @Args('after', OPT_INT) after: number | undefined,
    @Caller() call: CallContext,
  ): Promise<DatasetPreviewType> {
    const dto = { dataSourceId, version, limit, offset, after };
    const page = await this.nats.request(D.preview, dto, call);
    return { ...page, rowsJson: JSON.stringify(page.rows), nextAfter: page.nextAfter ?? null };
  }

  @Query(() => JobType)
  async job(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<JobType> {
    return toJobType(await this.jobs.get(id, call));
  }

  @Mutation(() => JobType)
  async cancelJob(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<JobType> {
    return toJobType(await this.jobs.cancel(id, call));
  }

  @Mutation(() => JobType, { description: 'Types: JSON object of column -> type' })
  async reingestVersion(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', NUM) version: number,
    @Args('typesJson') typesJson: string,
    @Caller() call: CallContext,
  ): Promise<JobType> {
    const types = parseTypes(typesJson);
    const dto = { dataSourceId, version, types };
    return toJobType(await this.nats.request(L.reingest, dto, call));
  }

  @Mutation(() => JobType, { description: 'Always a job; download from its result downloadUrl' })
  async exportVersion(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', NUM) version: number,
    @Args('format') format: string,
    @Args('columns', { type: () => [String], nullable: true }) columns: string[] | undefined,
    @Caller() call: CallContext,
  ): Promise<JobType> {
    const dto = { dataSourceId, version, format: format as 'csv', columns, mode: 'job' as const };
    const outcome = await this.nats.request(D.export, dto, call);
    if (!('job' in outcome)) throw new Error('expected an export job');
    return toJobType(outcome.job);
  }

  @Mutation(() => Boolean)
  async deleteDatasetVersion(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', NUM) version: number,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(L.deleteVersion, { dataSourceId, version }, call);
    return true;
  }

  @Mutation(() => Boolean)
  async deleteDataSource(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(L.deleteDataSource, { dataSourceId: id }, call);
    return true;
  }
}

function parseTypes(json: string): Record<string, 'string'> {
  try {
    return JSON.parse(json) as Record<string, 'string'>;
  } catch {
    throw new DomainError('invalid_argument', 'typesJson must be a JSON object of column -> type');
  }
}
