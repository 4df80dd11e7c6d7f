import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  DomainError,
  ProjectsContracts,
  type AccessAction,
  type CallContext,
  type Principal,
} from '@hydroml/contracts';
import { NatsClient, REDIS, requirePrincipal, requireScope } from '@hydroml/nest-kit';

const CACHE_SECONDS = 5;

/**
 * Asks the projects service whether the caller may act on a project; decisions are cached in
 * Redis for a few seconds and dropped when a membership changes.
 */
@Injectable()
export class ProjectAccessService {
  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The caller if allowed; a project it cannot see is not found (`notFound` names the thing). */
  async require(
    call: CallContext,
    projectId: string,
    action: AccessAction,
    notFound: string,
  ): Promise<Principal> {
    const principal = action === 'read' ? requirePrincipal(call) : requireScope(call, 'write');
    const key = accessKey(principal.userId, projectId, action);
    let decision = await this.redis.get(key);
    if (decision === null) {
      const answer = await this.nats.request(
        ProjectsContracts.checkAccess,
        { resource: 'project', id: projectId, action },
        call,
      );
      decision = answer.allowed ? 'allowed' : answer.role === null ? 'hidden' : 'denied';
      await this.redis.set(key, decision, 'EX', CACHE_SECONDS);
    }
    if (decision === 'hidden') throw new DomainError('not_found', notFound);
    if (decision === 'denied') {
      throw new DomainError('permission_denied', `Permission denied: '${action}' on this project`);
    }
    return principal;
  }

  /** The caller's default project (the projects service creates it on first list). */
  async defaultProject(call: CallContext): Promise<string> {
    const principal = requirePrincipal(call);
    const key = `exp:default:${principal.userId}`;
    const cached = await this.redis.get(key);
    if (cached) return cached;
    const page = await this.nats.request(ProjectsContracts.list, { pageSize: 100 }, call);
    const found = page.items.find((project) => project.isDefault) ?? page.items[0];
    if (!found) throw new DomainError('failed_precondition', 'the caller has no project');
    await this.redis.set(key, found.id, 'EX', 300);
    return found.id;
  }

  /** Every project the caller is a member of (what an unscoped search may look at). */
  async visibleProjects(call: CallContext): Promise<string[]> {
    const principal = requirePrincipal(call);
    const key = projectsKey(principal.userId);
    const cached = await this.redis.get(key);
    if (cached) return JSON.parse(cached) as string[];
    const ids: string[] = [];
    for (let page = 1; ; page += 1) {
      const result = await this.nats.request(ProjectsContracts.list, { page, pageSize: 100 }, call);
      ids.push(...result.items.map((project) => project.id));
      if (result.items.length < 100 || ids.length >= result.total) break;
    }
    await this.redis.set(key, JSON.stringify(ids), 'EX', CACHE_SECONDS);
    return ids;
  }

  async forget(userId: string, projectId: string): Promise<void> {
    const actions: AccessAction[] = ['read', 'write', 'manage'];
    await this.redis.del(
      projectsKey(userId),
      ...actions.map((action) => accessKey(userId, projectId, action)),
    );
  }
}

function accessKey(userId: string, projectId: string, action: AccessAction): string {
  return `exp:access:${userId}:${projectId}:${action}`;
}

function projectsKey(userId: string): string {
  return `exp:projects:${userId}`;
}
