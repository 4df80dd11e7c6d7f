import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type CreateDataSourceDto,
  type DataSourceStatus,
  type DataSourceView,
  type DataSourcesByProject,
  type LinkDataSourceDto,
  type UpdateDataSourceDto,
} from '@hydroml/contracts';
import { requirePrincipal } from '@hydroml/nest-kit';
import { AccessService } from '../access/access.service.js';
import { DataSourcesRepository } from './data-sources.repository.js';

@Injectable()
export class DataSourcesService {
  constructor(
    private readonly dataSources: DataSourcesRepository,
    private readonly access: AccessService,
  ) {}

  async list(call: CallContext, projectId: string): Promise<DataSourceView[]> {
    await this.access.requireProject(call, projectId, 'read');
    return (await this.dataSources.byProjects([projectId]))[projectId];
  }

  async listMany(call: CallContext, projectIds: string[]): Promise<DataSourcesByProject> {
    const principal = requirePrincipal(call);
    const visible = await this.access.visibleProjects(principal.userId, projectIds);
    const found = await this.dataSources.byProjects(visible);
    return Object.fromEntries(projectIds.map((id) => [id, found[id] ?? []]));
  }

  async create(call: CallContext, dto: CreateDataSourceDto): Promise<DataSourceView> {
    const principal = await this.access.requireProject(call, dto.projectId, 'write');
    const id = await this.dataSources.create(
      {
        name: dto.name,
        description: dto.description ?? null,
        kind: dto.kind,
        status: 'empty',
        ownerId: principal.userId,
      },
      dto.projectId,
    );
    return this.view(id);
  }

  async get(call: CallContext, id: string): Promise<DataSourceView> {
    await this.access.requireDataSource(call, id, 'read');
    return this.view(id);
  }

  async update(call: CallContext, dto: UpdateDataSourceDto): Promise<DataSourceView> {
    await this.access.requireDataSource(call, dto.id, 'write');
    const { id, ...changes } = dto;
    if (Object.keys(changes).length > 0) await this.dataSources.update(id, changes);
    return this.view(id);
  }

  /** Editors may delete what they may upload (the datasets issue's rule); viewers may not. */
  async delete(call: CallContext, id: string): Promise<void> {
    await this.access.requireDataSource(call, id, 'write');
    await this.dataSources.delete(id);
  }

  /** Attach needs write on the project and read on the data source. */
  async attach(call: CallContext, dto: LinkDataSourceDto): Promise<DataSourceView> {
    await this.access.requireProject(call, dto.projectId, 'write');
    await this.access.requireDataSource(call, dto.dataSourceId, 'read');
    await this.dataSources.link(dto.projectId, dto.dataSourceId);
    return this.view(dto.dataSourceId);
  }

  async detach(call: CallContext, dto: LinkDataSourceDto): Promise<void> {
    await this.access.requireProject(call, dto.projectId, 'write');
    if (!(await this.dataSources.unlink(dto.projectId, dto.dataSourceId))) {
      throw new DomainError('not_found', 'data source is not attached to this project');
    }
  }

  /** Set by data-tools (trusted service event), never by a user request. */
  async setStatus(id: string, status: DataSourceStatus): Promise<void> {
    await this.dataSources.update(id, { status });
  }

  private async view(id: string): Promise<DataSourceView> {
    const view = await this.dataSources.view(id);
    if (!view) throw new DomainError('not_found', 'data source not found');
    return view;
  }
}
