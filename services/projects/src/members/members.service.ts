import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DB } from '../db.js';
import { In, Repository } from 'typeorm';
import {
  AuthContracts,
  DomainError,
  type AddMemberDto,
  type CallContext,
  type MemberView,
  type MembersByProject,
  type RemoveMemberDto,
  type UpdateMemberDto,
  type UserSummary,
} from '@hydroml/contracts';
import { NatsClient, requirePrincipal, uniqueViolation } from '@hydroml/nest-kit';
import { AccessService } from '../access/access.service.js';
import { MembershipEntity } from '../projects/persistence/membership.entity.js';
import { assertKeepsAnOwner } from './owner-rule.js';

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(MembershipEntity, DB) private readonly members: Repository<MembershipEntity>,
    private readonly access: AccessService,
    private readonly nats: NatsClient,
  ) {}

  async list(call: CallContext, projectId: string): Promise<MemberView[]> {
    await this.access.requireProject(call, projectId, 'read');
    const rows = await this.members.find({ where: { projectId }, order: { addedAt: 'ASC' } });
    return this.views(call, rows);
  }

  /** Members of many projects at once (GraphQL batching); projects the caller cannot see are empty. */
  async listMany(call: CallContext, projectIds: string[]): Promise<MembersByProject> {
    const principal = requirePrincipal(call);
    const visible = await this.access.visibleProjects(principal.userId, projectIds);
    const rows = visible.length
      ? await this.members.find({ where: { projectId: In(visible) }, order: { addedAt: 'ASC' } })
      : [];
    const views = await this.views(call, rows);
    const result: MembersByProject = Object.fromEntries(projectIds.map((id) => [id, []]));
    for (const view of views) result[view.projectId].push(view);
    return result;
  }

  async add(call: CallContext, dto: AddMemberDto): Promise<MemberView> {
    await this.access.requireProject(call, dto.projectId, 'manage');
    const user = await this.nats.request(AuthContracts.resolveUser, { login: dto.user }, call);
    const entity = this.members.create({
      id: randomUUID(),
      projectId: dto.projectId,
      userId: user.id,
      role: dto.role,
    });
    try {
      await this.members.insert(entity);
    } catch (error) {
      if (uniqueViolation(error) === undefined) throw error;
      throw new DomainError('conflict', `${user.username} is already a member of this project`);
    }
    await this.access.invalidate(dto.projectId, user.id, dto.role);
    const saved = await this.members.findOneByOrFail({ id: entity.id });
    return toMemberView(saved, user);
  }

  async update(call: CallContext, dto: UpdateMemberDto): Promise<MemberView> {
    await this.access.requireProject(call, dto.projectId, 'manage');
    const member = await this.getMember(dto.projectId, dto.userId);
    assertKeepsAnOwner(await this.ownerCount(dto.projectId), member.role, dto.role);
    await this.members.update({ id: member.id }, { role: dto.role });
    await this.access.invalidate(dto.projectId, dto.userId, dto.role);
    const [view] = await this.views(call, [{ ...member, role: dto.role }]);
    return view;
  }

  /** Owners remove anyone; any member may leave (remove themselves). */
  async remove(call: CallContext, dto: RemoveMemberDto): Promise<void> {
    const principal = requirePrincipal(call);
    const leaving = principal.userId === dto.userId;
    await this.access.requireProject(call, dto.projectId, leaving ? 'read' : 'manage');
    const member = await this.getMember(dto.projectId, dto.userId);
    assertKeepsAnOwner(await this.ownerCount(dto.projectId), member.role, null);
    await this.members.delete({ id: member.id });
    await this.access.invalidate(dto.projectId, dto.userId, null);
  }

  private async getMember(projectId: string, userId: string): Promise<MembershipEntity> {
    const member = await this.members.findOneBy({ projectId, userId });
    if (!member) throw new DomainError('not_found', 'member not found');
    return member;
  }

  private ownerCount(projectId: string): Promise<number> {
    return this.members.countBy({ projectId, role: 'owner' });
  }

  private async views(call: CallContext, rows: MembershipEntity[]): Promise<MemberView[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.userId))];
    const users = await this.nats.request(AuthContracts.lookupUsers, { ids }, call);
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.map((row) => toMemberView(row, byId.get(row.userId)));
  }
}

function toMemberView(row: MembershipEntity, user: UserSummary | undefined): MemberView {
  return {
    projectId: row.projectId,
    userId: row.userId,
    username: user?.username ?? null,
    displayName: user?.displayName ?? null,
    role: row.role,
    addedAt: row.addedAt.toISOString(),
  };
}
