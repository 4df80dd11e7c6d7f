import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  GridContracts,
  type CallContext,
  type ChartData,
  type ChartDto,
  type ColumnValues,
  type GridRows,
  type SqlHistoryEntry,
  type SqlResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import {
  ColumnValuesType,
  GridRowsType,
  SqlHistoryEntryType,
  SqlResultType,
  StudioJSON,
} from './grid.graphql.js';

/** GraphQL mirror of the grid, the SQL console and chart data. */
@Resolver()
export class GridResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => GridRowsType)
  gridRows(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('request', { type: () => StudioJSON, nullable: true }) request: unknown,
    @Caller() call: CallContext,
  ): Promise<GridRows> {
    const body = (request ?? {}) as Record<string, unknown>;
    return this.nats.request(GridContracts.rows, { dataSourceId, version, request: body }, call);
  }

  @Query(() => ColumnValuesType)
  columnValues(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('column', { type: () => String }) column: string,
    @Args('search', { type: () => String, nullable: true }) search: string | undefined,
    @Args('offset', { type: () => Int, nullable: true }) offset: number | undefined,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<ColumnValues> {
    const dto = { dataSourceId, version, column, search, offset, limit };
    return this.nats.request(GridContracts.columnValues, dto, call);
  }

  @Mutation(() => SqlResultType)
  runSql(
    @Args('sql', { type: () => String }) sql: string,
    @Args('dataSourceId', { type: () => ID, nullable: true }) dataSourceId: string | undefined,
    @Args('version', { type: () => Int, nullable: true }) version: number | undefined,
    @Args('sessionId', { type: () => ID, nullable: true }) sessionId: string | undefined,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<SqlResult> {
    const dto = { sql, dataSourceId, version, sessionId, limit };
    return this.nats.request(GridContracts.sql, dto, call);
  }

  @Mutation(() => ID, {
    description:
      "Saves the query's full result, over a version or a session head, as a new version of " +
      'the data source it read (a job; editors); answers the job id',
  })
  async saveSqlResult(
    @Args('sql', { type: () => String }) sql: string,
    @Args('dataSourceId', { type: () => ID, nullable: true }) dataSourceId: string | undefined,
    @Args('version', { type: () => Int, nullable: true }) version: number | undefined,
    @Args('sessionId', { type: () => ID, nullable: true }) sessionId: string | undefined,
    @Caller() call: CallContext,
  ): Promise<string> {
    const dto = { sql, dataSourceId, version, sessionId };
    return (await this.nats.request(GridContracts.saveSql, dto, call)).id;
  }

  @Query(() => [SqlHistoryEntryType])
  sqlHistory(
    @Args('limit', { type: () => Int, nullable: true }) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<SqlHistoryEntry[]> {
    return this.nats.request(GridContracts.sqlHistory, { limit }, call);
  }

  /** `options`: the body of `POST /charts/:kind` (target, columns, size, method, filterModel...). */
  @Query(() => StudioJSON)
  chart(
    @Args('kind', { type: () => String }) kind: string,
    @Args('options', { type: () => StudioJSON }) options: unknown,
    @Caller() call: CallContext,
  ): Promise<ChartData> {
    const dto = { ...(options as object), kind } as ChartDto;
    return this.nats.request(GridContracts.chart, dto, call);
  }
}
