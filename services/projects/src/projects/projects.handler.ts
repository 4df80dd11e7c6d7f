import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthEvents,
  CreateProjectDto,
  FavoriteDto,
  IdDto,
  ListProjectsDto,
  ProjectsContracts,
  UpdateProjectDto,
  type CallContext,
  type Ok,
  type Page,
  type ProjectView,
  type UserRegisteredV1,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ProjectsService } from './projects.service.js';

@Controller()
export class ProjectsHandler {
  constructor(private readonly projects: ProjectsService) {}

  @MessagePattern(ProjectsContracts.create.subject)
  create(@Payload() dto: CreateProjectDto, @Call() call: CallContext): Promise<ProjectView> {
    return this.projects.create(call, dto);
  }

  @MessagePattern(ProjectsContracts.list.subject)
  list(@Payload() dto: ListProjectsDto, @Call() call: CallContext): Promise<Page<ProjectView>> {
    return this.projects.list(call, dto);
  }

  @MessagePattern(ProjectsContracts.get.subject)
  get(@Payload() dto: IdDto, @Call() call: CallContext): Promise<ProjectView> {
    return this.projects.get(call, dto.id);
  }

  @MessagePattern(ProjectsContracts.update.subject)
  update(@Payload() dto: UpdateProjectDto, @Call() call: CallContext): Promise<ProjectView> {
    return this.projects.update(call, dto);
  }

  @MessagePattern(ProjectsContracts.delete.subject)
  async delete(@Payload() dto: IdDto, @Call() call: CallContext): Promise<Ok> {
    await this.projects.delete(call, dto.id);
    return { ok: true };
  }

  @MessagePattern(ProjectsContracts.setFavorite.subject)
  async favorite(@Payload() dto: FavoriteDto, @Call() call: CallContext): Promise<Ok> {
    await this.projects.setFavorite(call, dto);
    return { ok: true };
  }

  /** Every new user gets a personal default project. */
  @EventPattern<Record<string, UserRegisteredV1>>(AuthEvents.userRegistered.subject)
  async userRegistered(@Payload() event: UserRegisteredV1): Promise<void> {
    await this.projects.ensureDefault(event.userId, event.username);
  }
}
