import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError } from '@hydroml/contracts';
import { REDIS } from '@hydroml/nest-kit';

const WINDOW_SECONDS = 60;
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface WindowState {
  count: number;
  limit: number;
  resetSeconds: number;
}

/** Fixed one-minute windows counted in Redis, shared by every gateway replica. */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one hit and throws `resource_exhausted` (429) past the limit. */
  async consume(bucket: string, limit: number): Promise<WindowState> {
    const state = await this.hit(bucket, limit);
    if (state.count > limit) throw tooMany(state);
    return state;
  }

  /** Throws when the bucket is already full, without counting (e.g. before a login attempt). */
  async assertUnder(bucket: string, limit: number): Promise<void> {
    const count = Number((await this.redis.get(windowKey(bucket))) ?? 0);
    if (count >= limit) throw tooMany({ count, limit, resetSeconds: secondsToReset() });
  }

  async hit(bucket: string, limit: number): Promise<WindowState> {
    // One round trip: INCR, and EXPIRE only when the window's key was just created.
    const count = await this.redis.eval(HIT_SCRIPT, 1, windowKey(bucket), WINDOW_SECONDS + 1);
    return { count: Number(count), limit, resetSeconds: secondsToReset() };
  }
}

function windowKey(bucket: string): string {
  return `rl:${bucket}:${Math.floor(Date.now() / 1000 / WINDOW_SECONDS)}`;
}

function secondsToReset(): number {
  return WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS);
}

function tooMany(state: WindowState): DomainError {
  return new DomainError('resource_exhausted', 'too many requests; try again later', {
    retryAfterSeconds: state.resetSeconds,
  });
}
