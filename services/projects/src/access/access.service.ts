import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import {
  ProjectsEvents,
  type AccessAction,
  type AccessCheckDto,
  type AccessDecision,
  type CallContext,
  type Principal,
  type ProjectRole,
} from '@hydroml/contracts';
import { NatsClient, REDIS, requirePrincipal, requireScope } from '@hydroml/nest-kit';
import {
  allows,
  assertAllowed,
  canSee,
  highestRole,
  type ProjectAccessFacts,
} from './domain/access-policy.js';

const CACHE_SECONDS = 30;

interface FactsRow {
  is_public: boolean;
  role: ProjectRole | null;
}

/** Decides who may do what on projects and data sources; project decisions are cached in Redis. */
@Injectable()
export class AccessService {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly nats: NatsClient,
  ) {}

  /** The caller (with the scope the action needs) if allowed on the project, else an error. */
  async requireProject(
    call: CallContext,
    projectId: string,
    action: AccessAction,
  ): Promise<Principal> {
    const principal = action === 'read' ? requirePrincipal(call) : requireScope(call, 'write');
    assertAllowed(await this.projectFacts(projectId, principal.userId), action, 'project');
    return principal;
  }

  async projectFacts(projectId: string, userId: string): Promise<ProjectAccessFacts> {
    const key = cacheKey(projectId);
    const cached = await this.redis.hget(key, userId);
    if (cached) return JSON.parse(cached) as ProjectAccessFacts;
    const rows: FactsRow[] = await this.db.query(
      `SELECT p.is_public, m.role FROM projects p
       LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = $2 WHERE p.id = $1`,
      [projectId, userId],
    );
    const facts = rows[0]
      ? { exists: true, isPublic: rows[0].is_public, role: rows[0].role }
      : { exists: false, isPublic: false, role: null };
    await this.redis
      .multi()
      .hset(key, userId, JSON.stringify(facts))
      .expire(key, CACHE_SECONDS)
      .exec();
    return facts;
  }

  /** The ids among `projectIds` the user may see (for batched lookups), in first-seen order. */
  async visibleProjects(userId: string, projectIds: string[]): Promise<string[]> {
    const unique = [...new Set(projectIds)];
    const facts = await Promise.all(unique.map((id) => this.projectFacts(id, userId)));
    return unique.filter((_, i) => canSee(facts[i]));
  }

  /** Data sources: the owner may do anything; others get their best role over linked projects. */
  async requireDataSource(
    call: CallContext,
    dataSourceId: string,
    action: AccessAction,
  ): Promise<Principal> {
    const principal = action === 'read' ? requirePrincipal(call) : requireScope(call, 'write');
    assertAllowed(
      await this.dataSourceFacts(dataSourceId, principal.userId),
      action,
      'data source',
    );
    return principal;
  }

  async dataSourceFacts(dataSourceId: string, userId: string): Promise<ProjectAccessFacts> {
    const rows: Array<{ owner_id: string; is_public: boolean | null; role: ProjectRole | null }> =
      await this.db.query(
        `SELECT d.owner_id, p.is_public, m.role FROM data_sources d
         LEFT JOIN project_data_sources l ON l.data_source_id = d.id
         LEFT JOIN projects p ON p.id = l.project_id
         LEFT JOIN memberships m ON m.project_id = l.project_id AND m.user_id = $2
         WHERE d.id = $1`,
        [dataSourceId, userId],
      );
    if (rows.length === 0) return { exists: false, isPublic: false, role: null };
    const role = rows[0].owner_id === userId ? 'owner' : highestRole(rows.map((r) => r.role));
    return { exists: true, isPublic: rows.some((r) => r.is_public === true), role };
  }

  async check(call: CallContext, dto: AccessCheckDto): Promise<AccessDecision> {
    const principal = requirePrincipal(call);
    const facts =
      dto.resource === 'project'
        ? await this.projectFacts(dto.id, principal.userId)
        : await this.dataSourceFacts(dto.id, principal.userId);
    if (!canSee(facts)) return { allowed: false, role: null };
    const scoped = dto.action === 'read' || principal.scopes.includes('write');
    return {
      allowed: scoped && (dto.action === 'read' || allows(facts.role, dto.action)),
      role: facts.role,
    };
  }

  /** Drops cached decisions for a project and tells other services (their caches listen). */
  async invalidate(
    projectId: string,
    userId: string | null,
    role: ProjectRole | null,
  ): Promise<void> {
    await this.redis.del(cacheKey(projectId));
    if (userId) this.nats.emit(ProjectsEvents.membershipChanged, { projectId, userId, role });
  }
}

function cacheKey(projectId: string): string {
  return `access:project:${projectId}`;
}
