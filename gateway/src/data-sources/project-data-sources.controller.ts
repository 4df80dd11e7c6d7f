import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProjectsContracts, type CallContext, type DataSourceView } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { CreateDataSourceBody } from '../projects/project.bodies.js';

@ApiTags('data-sources')
@Controller('projects/:id/data-sources')
export class ProjectDataSourcesController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  list(
    @Param('id', UUID) projectId: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView[]> {
    return this.nats.request(ProjectsContracts.listDataSources, { projectId }, call);
  }

  /** Creates a catalogue entry (JSON); file uploads arrive with the datasets capability. */
  @Post()
  create(
    @Param('id', UUID) projectId: string,
    @Body() body: CreateDataSourceBody,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
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
