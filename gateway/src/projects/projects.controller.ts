import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateProjectDto,
  ListProjectsDto,
  ProjectsContracts,
  type CallContext,
  type Page,
  type ProjectView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { UpdateProjectBody } from './project.bodies.js';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  list(@Query() query: ListProjectsDto, @Caller() call: CallContext): Promise<Page<ProjectView>> {
    return this.nats.request(ProjectsContracts.list, query, call);
  }

  @Post()
  create(@Body() dto: CreateProjectDto, @Caller() call: CallContext): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.create, dto, call);
  }

  @Get(':id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.get, { id }, call);
  }

  @Patch(':id')
  update(
    @Param('id', UUID) id: string,
    @Body() body: UpdateProjectBody,
    @Caller() call: CallContext,
  ): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.update, { ...body, id }, call);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(ProjectsContracts.delete, { id }, call);
  }

  @Put(':id/favorite')
  @HttpCode(204)
  async favorite(@Param('id', UUID) projectId: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(ProjectsContracts.setFavorite, { projectId, favorite: true }, call);
  }

  @Delete(':id/favorite')
  @HttpCode(204)
  async unfavorite(
    @Param('id', UUID) projectId: string,
    @Caller() call: CallContext,
  ): Promise<void> {
    await this.nats.request(ProjectsContracts.setFavorite, { projectId, favorite: false }, call);
  }
}
