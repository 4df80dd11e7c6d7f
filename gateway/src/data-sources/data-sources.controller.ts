import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DatasetLifecycleContracts,
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type DatasetLineage,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { UpdateDataSourceBody } from '../projects/project.bodies.js';

@ApiTags('data-sources')
@Controller('data-sources')
export class DataSourcesController {
  constructor(private readonly nats: NatsClient) {}

  @Get(':id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.getDataSource, { id }, call);
  }

  @Patch(':id')
  update(
    @Param('id', UUID) id: string,
    @Body() body: UpdateDataSourceBody,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.updateDataSource, { ...body, id }, call);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(DatasetLifecycleContracts.deleteDataSource, { dataSourceId: id }, call);
  }

  /** Every version of the data source with its ancestors and descendants across data sources. */
  @Get(':id/lineage')
  lineage(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<DatasetLineage> {
    return this.nats.request(DatasetLifecycleContracts.lineage, { dataSourceId: id }, call);
  }
}
