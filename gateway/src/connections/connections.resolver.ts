import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ConnectorsContracts as C,
  type CallContext,
  type ConnectionTestResult,
  type ConnectionView,
  type TableSummary,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { JobType, toJobType } from '../datasets/datasets.graphql.js';
import { Caller } from '../http/caller.decorator.js';
import {
  ConnectionPreviewType,
  ConnectionTestType,
  ConnectionType_,
  CreateConnectionInput,
  ImportInput,
  TableSummaryType,
} from './connections.graphql.js';

const ID_ARG = { type: () => ID };

/** GraphQL mirror of /connections: secrets go in, never come out. */
@Resolver(() => ConnectionType_)
export class ConnectionsResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => [ConnectionType_])
  connections(@Caller() call: CallContext): Promise<ConnectionView[]> {
    return this.nats.request(C.list, {}, call);
  }

  @Query(() => ConnectionType_)
  connection(@Args('id', ID_ARG) id: string, @Caller() call: CallContext): Promise<ConnectionView> {
    return this.nats.request(C.get, { id }, call);
  }

  @Query(() => [TableSummaryType])
  connectionTables(
    @Args('id', ID_ARG) id: string,
    @Caller() call: CallContext,
  ): Promise<TableSummary[]> {
    return this.nats.request(C.tables, { id }, call);
  }

  @Query(() => ConnectionPreviewType)
  async connectionPreview(
    @Args('id', ID_ARG) id: string,
    @Args('table', { type: () => String, nullable: true }) table: string | undefined,
    @Args('query', { type: () => String, nullable: true }) query: string | undefined,
    @Caller() call: CallContext,
  ): Promise<ConnectionPreviewType> {
    const result = await this.nats.request(C.preview, { id, table, query }, call);
    return {
      columns: result.columns.map((c) => c.name),
      rowsJson: JSON.stringify(result.rows),
      truncated: result.truncated,
    };
  }

  @Mutation(() => ConnectionType_)
  createConnection(
    @Args('input') input: CreateConnectionInput,
    @Caller() call: CallContext,
  ): Promise<ConnectionView> {
    return this.nats.request(C.create, { ...input }, call);
  }

  @Mutation(() => ConnectionTestType)
  testConnection(
    @Args('id', ID_ARG) id: string,
    @Caller() call: CallContext,
  ): Promise<ConnectionTestResult> {
    return this.nats.request(C.test, { id }, call);
  }

  @Mutation(() => Boolean)
  async deleteConnection(@Args('id', ID_ARG) id: string, @Caller() call: CallContext) {
    await this.nats.request(C.delete, { id }, call);
    return true;
  }

  @Mutation(() => JobType)
  async importFromConnection(
    @Args('input') input: ImportInput,
    @Caller() call: CallContext,
  ): Promise<JobType> {
    return toJobType(await this.nats.request(C.import, { ...input }, call));
  }
}
