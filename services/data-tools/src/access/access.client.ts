import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  DomainError,
  ProjectsContracts,
  type AccessAction,
  type CallContext,
  type JobResource,
} from '@hydroml/contracts';
import { NatsClient, REDIS, requireScope } from '@hydroml/nest-kit';

/** How long a granted decision is reused (a membership change drops it at once). */
export const GRANT_TTL_MS = 3000;
const HASH_TTL_SECONDS = 60;

/**
 * Asks projects whether the caller may act on a project or data source. Grants are remembered in
 * Redis for {@link GRANT_TTL_MS} per user (shared by the replicas), so a grid scrolling through
 * pages does not ask projects (a NATS round trip and a PostgreSQL join) for every page; a
 * membership change forgets the user's grants at once, and so does deleting a data source (for
 * everyone); other changes (a data source detached from a project, a project made private) show
 * within the TTL. Refusals are never remembered: a data source created a moment ago must not stay
 * hidden.
 */
@Injectable()
export class AccessClient {
  private readonly logger = new Logger(AccessClient.name);

  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async require(call: CallContext, resource: JobResource, action: AccessAction): Promise<string> {
    const principal = requireScope(call, action === 'read' ? 'read' : 'write');
    const key = grantsKey(principal.userId);
    const field = `${resource.type}:${resource.id}:${action}`;
    if (await this.granted(key, field, resource)) return principal.userId;
    const decision = await this.nats.request(
      ProjectsContracts.checkAccess,
      { resource: resource.type, id: resource.id, action },
      call,
    );
    if (decision.role === null) {
      throw new DomainError('not_found', `${resource.type.replace('_', ' ')} not found`);
    }
    if (!decision.allowed) {
      throw new DomainError(
        'permission_denied',
        `your role may not ${action} this ${resource.type}`,
      );
    }
    await this.remember(key, field);
    return principal.userId;
  }

  /** Forgets every grant of a user (their memberships changed). */
  async forget(userId: string): Promise<void> {
    await this.redis.del(grantsKey(userId)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not forget access grants');
    });
  }

  /** Voids every remembered grant on a resource (it is gone, for everyone). */
  async revoke(resource: JobResource): Promise<void> {
    const key = revokedKey(resource);
    await this.redis
      .set(key, String(Date.now()), 'EX', HASH_TTL_SECONDS)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not revoke access grants');
      });
  }

  private async granted(key: string, field: string, resource: JobResource): Promise<boolean> {
    try {
      const [at, revokedAt] = await Promise.all([
        this.redis.hget(key, field),
        this.redis.get(revokedKey(resource)),
      ]);
      if (at === null || Date.now() - Number(at) >= GRANT_TTL_MS) return false;
      return revokedAt === null || Number(at) > Number(revokedAt);
    } catch (error) {
      this.logger.warn({ err: error }, 'access grant read failed');
      return false; // Redis down costs a round trip to projects, not an answer
    }
  }

  private async remember(key: string, field: string): Promise<void> {
    try {
      await this.redis
        .multi()
        .hset(key, field, String(Date.now()))
        .expire(key, HASH_TTL_SECONDS)
        .exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'access grant write failed');
    }
  }
}

function grantsKey(userId: string): string {
  return `dt:grants:${userId}`;
}

function revokedKey(resource: JobResource): string {
  return `dt:revoked:${resource.type}:${resource.id}`;
}
