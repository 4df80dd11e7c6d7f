import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  ConnectorsContracts,
  CreateConnectionDto,
  type CallContext,
  type ConnectionTestResult,
  type ConnectionView,
  type JobView,
  type PreviewResult,
  type TableDetail,
  type TableSummary,
} from '@hydroml/contracts';
import { NatsClient, VALIDATION_OPTIONS, validationErrorFactory } from '@hydroml/nest-kit';
import type { GatewayRequest } from '../http/request-of.js';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { ImportBody, PreviewBody, UpdateConnectionBody } from './connection.bodies.js';
import { SqliteUploadService } from './sqlite-upload.service.js';

/** Database connections of the caller: credentials go in, never come out. */
@ApiTags('connections')
@Controller('connections')
export class ConnectionsController {
  constructor(
    private readonly nats: NatsClient,
    private readonly sqlite: SqliteUploadService,
  ) {}

  @Get()
  list(@Caller() call: CallContext): Promise<ConnectionView[]> {
    return this.nats.request(ConnectorsContracts.list, {}, call);
  }

  /**
   * JSON: a PostgreSQL or MySQL/MariaDB connection. multipart/form-data (a `file` part and a `name`
   * field): a SQLite database file, kept in the blob store.
   */
  @Post()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateConnectionDto })
  async create(@Req() req: GatewayRequest, @Caller() call: CallContext): Promise<ConnectionView> {
    if (req.isMultipart()) return this.sqlite.create(req, call);
    const dto = plainToInstance(CreateConnectionDto, req.body ?? {});
    const errors = await validate(dto, VALIDATION_OPTIONS);
    if (errors.length > 0) throw validationErrorFactory(errors);
    return this.nats.request(ConnectorsContracts.create, dto, call);
  }

  @Get(':id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<ConnectionView> {
    return this.nats.request(ConnectorsContracts.get, { id }, call);
  }

  @Patch(':id')
  update(
    @Param('id', UUID) id: string,
    @Body() body: UpdateConnectionBody,
    @Caller() call: CallContext,
  ): Promise<ConnectionView> {
    return this.nats.request(ConnectorsContracts.update, { ...body, id }, call);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(ConnectorsContracts.delete, { id }, call);
  }

  @Post(':id/test')
  @HttpCode(200)
  test(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<ConnectionTestResult> {
    return this.nats.request(ConnectorsContracts.test, { id }, call);
  }

  @Get(':id/tables')
  tables(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<TableSummary[]> {
    return this.nats.request(ConnectorsContracts.tables, { id }, call);
  }

  /** `:table` is `schema.table` or `table`. */
  @Get(':id/tables/:table')
  describe(
    @Param('id', UUID) id: string,
    @Param('table') table: string,
    @Caller() call: CallContext,
  ): Promise<TableDetail> {
    return this.nats.request(ConnectorsContracts.describe, { id, table }, call);
  }

  /** The first rows (≤ 100) of a table or of a single read-only SELECT. */
  @Post(':id/preview')
  @HttpCode(200)
  preview(
    @Param('id', UUID) id: string,
    @Body() body: PreviewBody,
    @Caller() call: CallContext,
  ): Promise<PreviewResult> {
    return this.nats.request(ConnectorsContracts.preview, { ...body, id }, call);
  }

  /**
   * Imports a table or a read-only query as a job: into a new data source (projectId + name) or a
   * new version (dataSourceId). Follow it at /api/v1/jobs/:id.
   */
  @Post(':id/import')
  @HttpCode(202)
  import(
    @Param('id', UUID) id: string,
    @Body() body: ImportBody,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.nats.request(ConnectorsContracts.import, { ...body, id }, call);
  }
}
