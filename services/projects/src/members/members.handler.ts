import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddMemberDto,
  IdsDto,
  ProjectIdDto,
  ProjectsContracts,
  RemoveMemberDto,
  UpdateMemberDto,
  type CallContext,
  type MemberView,
  type MembersByProject,
  type Ok,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { MembersService } from './members.service.js';

@Controller()
export class MembersHandler {
  constructor(private readonly members: MembersService) {}

  @MessagePattern(ProjectsContracts.listMembers.subject)
  list(@Payload() dto: ProjectIdDto, @Call() call: CallContext): Promise<MemberView[]> {
    return this.members.list(call, dto.projectId);
  }

  @MessagePattern(ProjectsContracts.membersOf.subject)
  listMany(@Payload() dto: IdsDto, @Call() call: CallContext): Promise<MembersByProject> {
    return this.members.listMany(call, dto.ids);
  }

  @MessagePattern(ProjectsContracts.addMember.subject)
  add(@Payload() dto: AddMemberDto, @Call() call: CallContext): Promise<MemberView> {
    return this.members.add(call, dto);
  }

  @MessagePattern(ProjectsContracts.updateMember.subject)
  update(@Payload() dto: UpdateMemberDto, @Call() call: CallContext): Promise<MemberView> {
    return this.members.update(call, dto);
  }

  @MessagePattern(ProjectsContracts.removeMember.subject)
  async remove(@Payload() dto: RemoveMemberDto, @Call() call: CallContext): Promise<Ok> {
    await this.members.remove(call, dto);
    return { ok: true };
  }
}
