import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateDataSourceDto,
  DataToolsEvents,
  IdDto,
  IdsDto,
  LinkDataSourceDto,
  ProjectIdDto,
  ProjectsContracts,
  UpdateDataSourceDto,
  type CallContext,
  type DataSourceStatusChangedV1,
  type DataSourceView,
  type DataSourcesByProject,
  type Ok,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { DataSourcesService } from './data-sources.service.js';

@Controller()
export class DataSourcesHandler {
  constructor(private readonly dataSources: DataSourcesService) {}

  @MessagePattern(ProjectsContracts.listDataSources.subject)
  list(@Payload() dto: ProjectIdDto, @Call() call: CallContext): Promise<DataSourceView[]> {
    return this.dataSources.list(call, dto.projectId);
  }

  @MessagePattern(ProjectsContracts.dataSourcesOf.subject)
  listMany(@Payload() dto: IdsDto, @Call() call: CallContext): Promise<DataSourcesByProject> {
    return this.dataSources.listMany(call, dto.ids);
  }

  @MessagePattern(ProjectsContracts.createDataSource.subject)
  create(@Payload() dto: CreateDataSourceDto, @Call() call: CallContext): Promise<DataSourceView> {
    return this.dataSources.create(call, dto);
  }

  @MessagePattern(ProjectsContracts.getDataSource.subject)
  get(@Payload() dto: IdDto, @Call() call: CallContext): Promise<DataSourceView> {
    return this.dataSources.get(call, dto.id);
  }

  @MessagePattern(ProjectsContracts.updateDataSource.subject)
  update(@Payload() dto: UpdateDataSourceDto, @Call() call: CallContext): Promise<DataSourceView> {
    return this.dataSources.update(call, dto);
  }

  @MessagePattern(ProjectsContracts.deleteDataSource.subject)
  async delete(@Payload() dto: IdDto, @Call() call: CallContext): Promise<Ok> {
    await this.dataSources.delete(call, dto.id);
    return { ok: true };
  }

  @MessagePattern(ProjectsContracts.attachDataSource.subject)
  attach(@Payload() dto: LinkDataSourceDto, @Call() call: CallContext): Promise<DataSourceView> {
    return this.dataSources.attach(call, dto);
  }

  @MessagePattern(ProjectsContracts.detachDataSource.subject)
  async detach(@Payload() dto: LinkDataSourceDto, @Call() call: CallContext): Promise<Ok> {
    await this.dataSources.detach(call, dto);
    return { ok: true };
  }

  /** data-tools committed a version: answered once the status is stored. */
  @MessagePattern(ProjectsContracts.markDataSourceReady.subject)
  async ready(@Payload() dto: IdDto): Promise<Ok> {
    await this.dataSources.setStatus(dto.id, 'ready');
    return { ok: true };
  }

  /** data-tools reports ingestion progress; the catalogue entry's status follows its jobs. */
  @EventPattern<Record<string, DataSourceStatusChangedV1>>(
    DataToolsEvents.dataSourceStatusChanged.subject,
  )
  async statusChanged(@Payload() event: DataSourceStatusChangedV1): Promise<void> {
    await this.dataSources.setStatus(event.dataSourceId, event.status);
  }
}
