import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { healthContract, type HealthReport, type ServiceName } from '@hydroml/contracts';
import { REDIS } from '../redis/redis.js';

const startedAt = Date.now();

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await check();
    return 'ok';
  } catch {
    return 'down';
  }
}

/** Builds the `<service>.health.check` handler: answers with the state of PostgreSQL and Redis. */
export function createHealthController(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(
      private readonly db: DataSource,
      @Inject(REDIS) private readonly redis: Redis,
    ) {}

    @MessagePattern(healthContract(service).subject)
    async check(): Promise<HealthReport> {
      const checks = {
        postgres: await probe(() => this.db.query('SELECT 1')),
        redis: await probe(() => this.redis.ping()),
      };
      const healthy = Object.values(checks).every((state) => state === 'ok');
      return {
        service,
        status: healthy ? 'ok' : 'degraded',
        version: process.env.npm_package_version ?? '0.1.0',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        checks,
      };
    }
  }
  return HealthController;
}
