import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ProjectsEvents,
  type CallContext,
  type CreateProjectDto,
  type FavoriteDto,
  type ListProjectsDto,
  type Page,
  type ProjectView,
  type UpdateProjectDto,
} from '@hydroml/contracts';
import { NatsClient, requirePrincipal, requireScope } from '@hydroml/nest-kit';
import { AccessService } from '../access/access.service.js';
import { ProjectsRepository } from './projects.repository.js';

@Injectable()
export class ProjectsService {
  /** Users whose default project is known to exist (saves a write on every list). */
  private readonly ensured = new Set<string>();

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly access: AccessService,
    private readonly nats: NatsClient,
  ) {}

  async create(call: CallContext, dto: CreateProjectDto): Promise<ProjectView> {
    const principal = requireScope(call, 'write');
    const id = await this.projects.createWithOwner(
      { name: dto.name, description: dto.description ?? null, isPublic: dto.isPublic ?? false },
      principal.userId,
    );
    return this.view(id, principal.userId);
  }

  async list(call: CallContext, dto: ListProjectsDto): Promise<Page<ProjectView>> {
    const principal = requirePrincipal(call);
    await this.ensureDefault(principal.userId, principal.username);
    return this.projects.list(principal.userId, dto);
  }

  async get(call: CallContext, id: string): Promise<ProjectView> {
    const principal = await this.access.requireProject(call, id, 'read');
    return this.view(id, principal.userId);
  }

  async update(call: CallContext, dto: UpdateProjectDto): Promise<ProjectView> {
    const principal = await this.access.requireProject(call, dto.id, 'write');
    const { id, ...changes } = dto;
    if (Object.keys(changes).length > 0) await this.projects.update(id, changes);
    if (dto.isPublic !== undefined) await this.access.invalidate(id, null, null);
    return this.view(id, principal.userId);
  }

  async delete(call: CallContext, id: string): Promise<void> {
    await this.access.requireProject(call, id, 'manage');
    const project = await this.projects.findEntity(id);
    if (project?.isDefault) {
      throw new DomainError(
        'failed_precondition',
        'the personal default project cannot be deleted',
      );
    }
    await this.projects.delete(id);
    await this.access.invalidate(id, null, null);
    this.nats.emit(ProjectsEvents.projectDeleted, { projectId: id }, call);
  }

  async setFavorite(call: CallContext, dto: FavoriteDto): Promise<void> {
    const principal = await this.access.requireProject(call, dto.projectId, 'read');
    await this.projects.setFavorite(principal.userId, dto.projectId, dto.favorite);
  }

  async ensureDefault(userId: string, username: string): Promise<void> {
    if (this.ensured.has(userId)) return;
    await this.projects.ensureDefault(userId, username);
    this.ensured.add(userId);
  }

  private async view(id: string, userId: string): Promise<ProjectView> {
    const view = await this.projects.view(id, userId);
    if (!view) throw new DomainError('not_found', 'project not found');
    return view;
  }
}
