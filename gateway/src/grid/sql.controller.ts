import { Body, Controller, Get, HttpCode, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  GridContracts,
  SaveSqlResultDto,
  SqlQueryDto,
  type CallContext,
  type JobView,
  type SqlHistoryEntry,
  type SqlResult,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';

@ApiTags('sql')
@Controller('sql')
export class SqlController {
  constructor(private readonly nats: NatsClient) {}

  /** One read-only SELECT over a version or session head, exposed as the view `data`. */
  @Post()
  @HttpCode(200)
  run(@Body() dto: SqlQueryDto, @Caller() call: CallContext): Promise<SqlResult> {
    return this.nats.request(GridContracts.sql, dto, call);
  }

  /**
   * Saves the query's full result, over a version or a session head (`sessionId`), as a new version
   * of the data source it read (a job; editors).
   */
  @Post('save')
  @HttpCode(202)
  save(@Body() dto: SaveSqlResultDto, @Caller() call: CallContext): Promise<JobView> {
    return this.nats.request(GridContracts.saveSql, dto, call);
  }

  /** The caller's console queries, newest first, with duration and row count. */
  @Get('history')
  history(
    @Query('limit', new ParseIntPipe({ optional: true })) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<SqlHistoryEntry[]> {
    return this.nats.request(GridContracts.sqlHistory, { limit }, call);
  }
}
