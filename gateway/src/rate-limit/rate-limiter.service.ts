import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { BufferedWindowCounter } from './buffered-window-counter.js';
import type { Redis } from 'ioredis';
import { DomainError } from '@hydroml/contracts';
import { REDIS } from '@hydroml/nest-kit';

const WINDOW_SECONDS = 60;
// INCRBY, and EXPIRE only when the window's key was just created: one round trip.
const HIT_SCRIPT = `local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface WindowState {
  count: number;
  limit: number;
  resetSeconds: number;
}

/** Fixed one-minute windows counted in Redis, shared by every gateway replica. */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly buffered: BufferedWindowCounter;
  private window = currentWindow();

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    this.buffered = new BufferedWindowCounter((key, delta) => this.add(key, delta));
  }

  /**
   * For the coarse per-client budget: counted locally and added to Redis in the background
   * (see BufferedWindowCounter), so it costs no round trip per request.
   */
  consumeBuffered(bucket: string, limit: number): void {
    if (this.window !== currentWindow()) {
      this.window = currentWindow();
      const suffix = `:${this.window}`;
      this.buffered.retainOnly((key) => key.endsWith(suffix));
    }
    const count = this.buffered.hit(windowKey(bucket));
    if (count > limit) throw tooMany({ count, limit, resetSeconds: secondsToReset() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.buffered.flush();
  }

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
    const count = await this.add(windowKey(bucket), 1);
    return { count, limit, resetSeconds: secondsToReset() };
  }

  private async add(key: string, delta: number): Promise<number> {
    return Number(await this.redis.eval(HIT_SCRIPT, 1, key, WINDOW_SECONDS + 1, delta));
  }
}

function currentWindow(): number {
  return Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
}

function windowKey(bucket: string): string {
  return `rl:${bucket}:${currentWindow()}`;
}

function secondsToReset(): number {
  return WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS);
}

function tooMany(state: WindowState): DomainError {
  return new DomainError('resource_exhausted', 'too many requests; try again later', {
    retryAfterSeconds: state.resetSeconds,
  });
}
