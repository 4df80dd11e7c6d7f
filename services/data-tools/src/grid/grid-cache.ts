import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS } from '@hydroml/nest-kit';
import type { SeekAnchor } from '@hydroml/recipes';
import type { Redis } from 'ioredis';

const TTL_SECONDS = 3600;
const MAX_ANCHORS = 2000;

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/**
 * Grid pages, counts and seek anchors in Redis. The data behind a key never changes (keys carry the
 * version's sha256 or the recipe head's hash), so entries only expire to bound memory. Redis being
 * down costs speed, not answers: failures are logged and the query runs.
 */
@Injectable()
export class GridCache {
  private readonly logger = new Logger(GridCache.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const text = await this.redis.get(`grid:${key}`);
      return text === null ? undefined : (JSON.parse(text) as T);
    } catch (error) {
      this.logger.warn({ err: error }, 'grid cache read failed');
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    try {
      await this.redis.set(`grid:${key}`, JSON.stringify(value), 'EX', TTL_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error }, 'grid cache write failed');
    }
  }

  /** The anchor closest before (or at) `row` for one ordering of one relation, if any. */
  async anchor(key: string, row: number): Promise<SeekAnchor | undefined> {
    try {
      const found = await this.redis.zrevrangebyscore(`grid:${key}`, row, '-inf', 'LIMIT', 0, 1);
      return found.length === 0 ? undefined : (JSON.parse(found[0]) as SeekAnchor);
    } catch (error) {
      this.logger.warn({ err: error }, 'grid anchor read failed');
      return undefined;
    }
  }

  async addAnchor(key: string, anchor: SeekAnchor): Promise<void> {
    const redisKey = `grid:${key}`;
    try {
      await this.redis
        .multi()
        .zadd(redisKey, anchor.row, JSON.stringify(anchor))
        .zremrangebyrank(redisKey, 0, -MAX_ANCHORS - 1)
        .expire(redisKey, TTL_SECONDS)
        .exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'grid anchor write failed');
    }
  }
}
