import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type UploadAccepted,
} from '@hydroml/contracts';
import { NatsClient, VALIDATION_OPTIONS, validationErrorFactory } from '@hydroml/nest-kit';
import { UploadService } from '../datasets/upload.service.js';
import type { GatewayRequest } from '../http/request-of.js';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { CreateDataSourceBody } from '../projects/project.bodies.js';

@ApiTags('data-sources')
@Controller('projects/:id/data-sources')
export class ProjectDataSourcesController {
  constructor(
    private readonly nats: NatsClient,
    private readonly uploads: UploadService,
  ) {}

  @Get()
  list(
    @Param('id', UUID) projectId: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView[]> {
    return this.nats.request(ProjectsContracts.listDataSources, { projectId }, call);
  }

  /**
   * JSON: creates a catalogue entry. multipart/form-data (a `file` part, optional `name`,
   * `description`, `format`, `encoding`, `delimiter`, `sheet`, `types` fields): streams the file into the
   * blob store and creates the data source with its ingestion job.
   */
  @Post()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateDataSourceBody })
  async create(
    @Param('id', UUID) projectId: string,
    @Req() req: GatewayRequest,
    @Caller() call: CallContext,
  ): Promise<DataSourceView | UploadAccepted> {
    if (req.isMultipart()) return this.uploads.newDataSource(req, projectId, call);
    const body = plainToInstance(CreateDataSourceBody, req.body ?? {});
    const errors = await validate(body, VALIDATION_OPTIONS);
    if (errors.length > 0) throw validationErrorFactory(errors);
    return this.nats.request(ProjectsContracts.createDataSource, { ...body, projectId }, call);
  }

  /** Attaches an existing data source to this project as well. */
  @Put(':dataSourceId')
  attach(
    @Param('id', UUID) projectId: string,
    @Param('dataSourceId', UUID) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.attachDataSource, { projectId, dataSourceId }, call);
  }

  @Delete(':dataSourceId')
  @HttpCode(204)
  async detach(
    @Param('id', UUID) projectId: string,
    @Param('dataSourceId', UUID) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<void> {
    await this.nats.request(ProjectsContracts.detachDataSource, { projectId, dataSourceId }, call);
  }
}
