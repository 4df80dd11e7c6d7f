import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProjectsContracts, type CallContext, type MemberView } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { AddMemberBody, UpdateMemberBody } from '../projects/project.bodies.js';

@ApiTags('members')
@Controller('projects/:id/members')
export class MembersController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  list(@Param('id', UUID) projectId: string, @Caller() call: CallContext): Promise<MemberView[]> {
    return this.nats.request(ProjectsContracts.listMembers, { projectId }, call);
  }

  /** Adds a user by username or email. */
  @Post()
  add(
    @Param('id', UUID) projectId: string,
    @Body() body: AddMemberBody,
    @Caller() call: CallContext,
  ): Promise<MemberView> {
    return this.nats.request(ProjectsContracts.addMember, { ...body, projectId }, call);
  }

  @Patch(':userId')
  update(
    @Param('id', UUID) projectId: string,
    @Param('userId', UUID) userId: string,
    @Body() body: UpdateMemberBody,
    @Caller() call: CallContext,
  ): Promise<MemberView> {
    return this.nats.request(ProjectsContracts.updateMember, { ...body, projectId, userId }, call);
  }

  @Delete(':userId')
  @HttpCode(204)
  async remove(
    @Param('id', UUID) projectId: string,
    @Param('userId', UUID) userId: string,
    @Caller() call: CallContext,
  ): Promise<void> {
    await this.nats.request(ProjectsContracts.removeMember, { projectId, userId }, call);
  }
}
