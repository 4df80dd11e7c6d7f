import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import {
  SessionsContracts as S,
  type CallContext,
  type ColumnValues,
  type GridRows,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { ColumnValuesType, GridRowsType, StudioJSON } from '../grid/grid.graphql.js';
import { StudioSessionSummaryType, toSessionSummaryType } from './sessions.graphql.js';

/** GraphQL mirror of the sessions' read routes: the list, head rows and set-filter values. */
@Resolver()
export class SessionGridResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => [StudioSessionSummaryType], {
    description: 'Live sessions on a data source, most recently changed first',
  })
  async sessions(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Caller() call: CallContext,
  ) {
    const views = await this.nats.request(S.list, { dataSourceId }, call);
    return views.map(toSessionSummaryType);
  }

  /** AG Grid's server-side row-model request over the session head (as POST /sessions/:id/rows). */
  @Query(() => GridRowsType)
  sessionRows(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('request', { type: () => StudioJSON, nullable: true }) request: unknown,
    @Caller() call: CallContext,
  ): Promise<GridRows> {
    const body = (request ?? {}) as Record<string, unknown>;
    return this.nats.request(S.rows, { sessionId, request: body }, call);
  }

  @Query(() => ColumnValuesType, { description: 'Distinct values of a head column (set filter)' })
  sessionColumnValues(
    @Args('id', { type: () => ID }) sessionId: string,
    @Args('column', { type: () => String }) column: string,
    @Args('search', { type: () => String, nullable: true }) search: string | undefined,
    @Args('offset', { type: () => Int, nullable: true }) offset: number | undefined,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<ColumnValues> {
    const dto = { sessionId, column, search, offset, limit };
    return this.nats.request(S.columnValues, dto, call);
  }
}
